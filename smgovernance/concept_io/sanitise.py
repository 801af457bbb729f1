"""Rich text from an import file passes Wagtail's rich-text whitelist.

An editor's rich text is cleaned by the editor; text from a file is not, so the
import cleans it the same way: each value through `EditorHTMLConverter`'s
`DbWhitelister` with the features of its field or block. Only the elements and
attributes those features allow remain (no `<script>`, `<form>`, `on…=` handler,
`javascript:` link); the content of `<script>`, `<style>` and `<template>` is
dropped with them.
"""

import copy

from bs4 import BeautifulSoup
from wagtail import blocks
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.fields import RichTextField

from ..models import ChannelProfilePage, ImprintPage, UsageConceptPage
from .schema import CHANNEL_BODY_BLOCK, SECTIONS


# Elements whose content is code, not text: removed with what they contain.
CODE_ELEMENTS = ["script", "style", "template", "noscript", "iframe", "object"]
SINGLE_OBJECTS = {"imprint": ImprintPage, "concept": UsageConceptPage}


def clean_html(html: str, features: list[str] | None) -> str:
    """HTML as Wagtail stores it, with only what `features` allow."""
    document = BeautifulSoup(html, "html.parser")
    for element in document.find_all(CODE_ELEMENTS):
        element.decompose()
    return EditorHTMLConverter(features=features).whitelister.clean(str(document))


def rich_text_features(model: type) -> dict[str, list[str] | None]:
    """The model's rich-text fields and their features."""
    return {
        field.name: field.features
        for field in model._meta.get_fields()
        if isinstance(field, RichTextField)
    }


def clean_row(row: object, model: type) -> None:
    if not isinstance(row, dict):
        return  # the validator reports it
    for name, features in rich_text_features(model).items():
        if isinstance(row.get(name), str):
            row[name] = clean_html(row[name], features)


def clean_block_value(block: blocks.Block, value: object) -> object:
    """A block's raw value with every rich text in it cleaned."""
    if isinstance(block, blocks.RichTextBlock) and isinstance(value, str):
        return clean_html(value, block.features)
    if isinstance(block, blocks.StreamBlock) and isinstance(value, list):
        return [clean_stream_child(block, child) for child in value]
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        return {
            name: clean_block_value(block.child_blocks[name], item)
            if name in block.child_blocks
            else item
            for name, item in value.items()
        }
    if isinstance(block, blocks.ListBlock) and isinstance(value, list):
        return [
            {**item, "value": clean_block_value(block.child_block, item["value"])}
            if isinstance(item, dict) and "value" in item and "type" in item
            else clean_block_value(block.child_block, item)
            for item in value
        ]
    return value


def clean_stream_child(stream: blocks.StreamBlock, child: object) -> object:
    if not isinstance(child, dict) or child.get("type") not in stream.child_blocks:
        return child  # the validator reports it
    block = stream.child_blocks[child["type"]]
    return {**child, "value": clean_block_value(block, child.get("value"))}


def sanitised(data: object) -> object:
    """A copy of the import data with all rich text cleaned."""
    if not isinstance(data, dict):
        return data
    data = copy.deepcopy(data)
    for spec in SECTIONS:
        rows = data.get(spec.name)
        for row in rows if isinstance(rows, list) else []:
            clean_row(row, spec.model)
            is_channel = spec.model is ChannelProfilePage
            if is_channel and isinstance(row, dict) and "body" in row:
                row["body"] = clean_block_value(CHANNEL_BODY_BLOCK, row["body"])
    for name, model in SINGLE_OBJECTS.items():
        clean_row(data.get(name), model)
    return data
