"""The follow-up report of a city and the picture of a network as the core's report model,
assembled from the follow-up read once from the database."""
