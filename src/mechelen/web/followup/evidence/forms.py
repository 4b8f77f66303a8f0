"""The form of a piece of evidence: a link or a document checked by its content."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from mechelen.web.followup.evidence.documents import check_document
from mechelen.web.uploads import FileRefused


class EvidenceForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    title = forms.CharField(label=_("Title"), max_length=200)
    url = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")
    document = forms.FileField(
        label=_("Or a document"),
        required=False,
        help_text=_("PDF, ODT, DOCX or an image (PNG, JPEG, GIF, WebP)."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        document: UploadedFile | None = data.get("document")
        if not data.get("url") and document is None:
            raise forms.ValidationError(_("Give a link or a document."))
        if data.get("url") and document is not None:
            raise forms.ValidationError(_("Give a link or a document, not both."))
        if document is not None:
            try:
                data["kind"] = check_document(
                    document.name or "", document.size or 0, document, settings.MAX_UPLOAD_MB
                )
            except FileRefused as refused:
                self.add_error("document", refused.message())
        return data
