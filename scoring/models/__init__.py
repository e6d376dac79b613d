"""One module per scoring task: conversion, churn, clv, price."""

from .churn import ChurnClassifier
from .clv import ClvModel
from .conversion import ConversionClassifier
from .price import PriceModel

__all__ = ["ChurnClassifier", "ClvModel", "ConversionClassifier", "PriceModel"]
