"""The API's routers, one per kind of object; `api.py` mounts them."""
