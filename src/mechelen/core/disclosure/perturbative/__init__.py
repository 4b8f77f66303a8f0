"""The methods that change the published counts instead of hiding them.

* :mod:`.cell_key`              the cell key method (ONS, ABS) with a perturbation table;
* :mod:`.differential_privacy`  discrete Laplace noise through OpenDP, for a privacy budget.
"""
