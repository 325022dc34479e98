"""Template helpers: render a form widget with NL Design System classes and ARIA links."""

from django import template

register = template.Library()

WIDGET_CLASSES = {
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
}


@register.simple_tag
def field_widget(field):
    attrs = {}
    widget_type = field.widget_type
    css = WIDGET_CLASSES.get(widget_type, "utrecht-textbox utrecht-textbox--html-input")
    if widget_type not in ("checkboxselectmultiple", "radioselect"):
        attrs["class"] = field.field.widget.attrs.get("class", css)
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_hulp")
    if field.errors:
        described.append(f"{field.auto_id}_fout")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)
