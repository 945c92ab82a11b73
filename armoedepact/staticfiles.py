"""collectstatic without the one NL Design System tokens file that points to
icons the package does not ship (background-image-icon.css -> pijltje.svg).
The manifest storage of production refuses such a file, so `collectstatic`
failed in production mode. The portal does not use that file."""

from django.contrib.staticfiles.apps import StaticFilesConfig


class ArmoedepactStaticFilesConfig(StaticFilesConfig):
    ignore_patterns = [*StaticFilesConfig.ignore_patterns, "background-image-icon.css"]
