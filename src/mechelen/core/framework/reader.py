"""Reading framework documents: multilingual texts and crosswalks on top of DocumentReader."""

from __future__ import annotations

from typing import Any

from mechelen.core.documents import DocumentReader, type_name
from mechelen.core.framework.model import Basis, CrosswalkLink
from mechelen.core.framework.text import Text


class FrameworkReader(DocumentReader):
    """Reads one framework file; texts must exist in every required language."""

    def __init__(self, file: str, required_languages: tuple[str, ...]) -> None:
        super().__init__(file, "framework")
        self.required_languages = required_languages

    def text(self, node: dict[str, Any], key: str, path: str) -> Text:
        value = self.field(node, key, dict, path)
        if value is None:
            return Text()
        field_path = f"{path}.{key}"
        texts: dict[str, str] = {}
        for lang, content in value.items():
            if isinstance(content, str) and content.strip():
                texts[str(lang)] = content.strip()
            else:
                self.report(
                    "E004",
                    value,
                    lang,
                    field=f"{field_path}.{lang}",
                    expected="text",
                    found=type_name(content),
                )
        for lang in self.required_languages:
            if lang not in texts and lang not in value:
                self.report("E005", node, key, field=field_path, lang=lang)
        return Text(texts)

    def crosswalk(self, node: dict[str, Any], path: str) -> tuple[CrosswalkLink, ...]:
        """Links under ``crosswalk`` (optional), grouped by basis: stated or judgement."""
        if node.get("crosswalk") is None:
            return ()
        value = self.field(node, "crosswalk", dict, path)
        if value is None:
            return ()
        self.only_fields(value, ("stated", "judgement"), f"{path}.crosswalk")
        links: list[CrosswalkLink] = []
        basis: Basis
        for basis in ("stated", "judgement"):
            targets = value.get(basis) or []
            if not isinstance(targets, list):
                self.report(
                    "E004",
                    value,
                    basis,
                    field=f"{path}.crosswalk.{basis}",
                    expected="list",
                    found=type_name(targets),
                )
                continue
            for index, target in enumerate(targets):
                if not isinstance(target, str) or ":" not in target:
                    self.report("E011", targets, index, target=str(target))
                    continue
                links.append(CrosswalkLink(target.strip(), basis))
        return tuple(links)
