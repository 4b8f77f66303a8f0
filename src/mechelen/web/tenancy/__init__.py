"""Organisations (cities and regions), networks of them, and who holds which role where.

The modules here are what the other apps build on: ``models``, ``roles``, ``access`` (a
person's roles), ``policy`` (who may see and do what), ``scoping`` (the organisation or network
a page or an API call names), ``lookup``, ``workspace_links``, ``signals``, ``visibility``
(pending organisations out of sight); ``context`` gives every page the organisations the
person works in. Each concept with its pages is a sub-package: ``organisations``,
``members``, ``networks``, ``moderation``.
"""
