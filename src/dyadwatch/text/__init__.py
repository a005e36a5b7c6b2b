"""Text handling: normalization, language identification, sentence splitting, search keys.

Import from the submodules (``dyadwatch.text.normalize`` …); ``langid`` loads
lingua, so it is not imported here.
"""
