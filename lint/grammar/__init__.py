"""Grammar and spelling through LanguageTool (the ``grammar`` rule kind is lint/checks/grammar.py).

- :mod:`settings` the ``grammar:`` config section;
- :mod:`text` the prose LanguageTool sees and the map back to the draft (UTF-16 aware);
- :mod:`server` finding local jars and starting, sharing and stopping a server;
- :mod:`client` language-tool-python as the HTTP client;
- :mod:`cache` answers on disk by paragraph and settings.
"""
