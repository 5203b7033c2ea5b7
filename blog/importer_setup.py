"""Imported first by the guide importer's fork server (blog/importer/sandbox.py), a fresh Python
process with the web process's environment: Django is set up there once, so that every
conversion forked from it starts with the importer's modules (which use Wagtail's models)
already loaded, in milliseconds rather than the seconds a new interpreter takes. Nothing else
imports this module."""

import django

django.setup()
