"""The partner portal: organisations keep their own entries current (/partner/)."""
