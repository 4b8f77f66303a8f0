"""Rendering reports: JSON for machines, HTML and PDF for people, charts as SVG.

One sub-package per report (``assessment``, ``follow_up``, ``network``); what they share sits
here: the chart pieces (``charts``), the wording of figures (``wording``), the HTML templates
(``html``, ``templates/``) and the PDF (``pdf``).
"""
