"""The change of the joint assessment between the baseline round and later closed rounds."""
