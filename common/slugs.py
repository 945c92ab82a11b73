"""Unique slugs for any model with a `slug` field."""

from django.utils.text import slugify


def unieke_slug(model, tekst: str, *, standaard: str = "zonder-naam", eigen_pk: int | None = None) -> str:
    """A slug from `tekst` that no other row of `model` has: "voedselbank",
    then "voedselbank-2", "voedselbank-3"... `eigen_pk` is the row being saved
    (it may keep its own slug); `standaard` is used when `tekst` gives no slug."""
    basis = slugify(tekst)[:180] or standaard
    slug, nummer = basis, 2
    while model.objects.filter(slug=slug).exclude(pk=eigen_pk).exists():
        slug, nummer = f"{basis}-{nummer}", nummer + 1
    return slug
