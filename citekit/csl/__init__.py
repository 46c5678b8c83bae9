"""citekit's own CSL 1.0.2 processor.

The pipeline, one module per step: :mod:`~citekit.csl.parse` (style XML to the typed :mod:`~citekit.csl.model`)
and :mod:`~citekit.csl.locale`; :mod:`~citekit.csl.items` (CSL-JSON in); :mod:`~citekit.csl.evaluate`,
:mod:`~citekit.csl.names` and :mod:`~citekit.csl.dates` (elements to the output :mod:`~citekit.csl.tree`);
:mod:`~citekit.csl.document` (positions, numbering, sorting, disambiguation); :mod:`~citekit.csl.punctuation`
(the post-pass); then :mod:`citekit.renderers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citekit.csl.cites import Cite, Cluster

if TYPE_CHECKING:
    from citekit.csl.processor import Processor

__all__ = ["Cite", "Cluster", "Processor"]


def __getattr__(name: str) -> Any:
    # The processor pulls in lxml and the renderers; load it only when it is asked for.
    if name == "Processor":
        from citekit.csl.processor import Processor

        return Processor
    raise AttributeError(name)
