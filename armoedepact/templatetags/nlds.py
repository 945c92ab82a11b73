"""Presentation helpers for NL Design System form markup."""

from django import template
from django.forms import widgets

register = template.Library()

_CLASSES = {
    widgets.Textarea: "utrecht-textarea",
    widgets.Select: "utrecht-select",
    widgets.SelectMultiple: "utrecht-select",
}


@register.filter
def nlds_widget(field):
    """Render a bound field's widget with NLDS classes and accessible ties."""
    widget = field.field.widget
    css = next((c for cls, c in _CLASSES.items() if isinstance(widget, cls)), "utrecht-textbox")
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    attrs = {"class": f"{css}{' utrecht-textbox--invalid' if field.errors else ''}"}
    if field.errors:
        described.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)
