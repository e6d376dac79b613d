"""What a writer left for someone to fill in (issue 11: a draft a rep would send unedited has none)."""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"_{3,}|(?-i:\bTK(?:TK)+\b)|\b(?:TT\.MM\.JJJJ|JJ/MM/AAAA|DD/MM/YYYY|MM/DD/YYYY|DD\.MM\.YYYY)\b|"
                         r"(?:…|\.\.\.)\s?[€$£]|[€$£]\s?(?:…|\.\.\.)|\bSr\./Sra\.|(?-i:\bN\.\s?N\.)|\bM\./Mme\b|\bMr\.?/Mrs\.?|\bHerr/Frau\b|\b[^\W\d_]+o/a\b|%[A-Z]{2,}%|\[\[|\]\]|\{\{|\}\}|\[[^\]\n]{1,60}\]|\{[^}\n]{1,60}\}|<<[^>\n]{1,60}>>|"
                         r"<[a-z_ ]+>|(?-i:\bTODO\b)|\bTBD\b|\blorem ipsum\b|(?-i:\bXX+\b)|\bx{3,}\b|"
                         r"\((?:insert|add|paste|einfügen|insérer|ajouter|insertar|añadir)\b[^)\n]{0,60}\)|"
                         r"(?-i:\b(?:JJ|MM|HH|AAAA|TT)(?:[/.:](?:JJ|MM|AAAA|JJJJ|HH)|\s?h)\b)|"
                         # a value's slot left as its marks: "TBC", "##.##", "NN €", "el día X", "$X"
                         r"(?-i:\bTB[CDA]\b)|#{2,}|(?-i:\bN{2,}\b)|(?-i:(?:[€$£]\s?X\b|\bX\s?[€$£%]|"
                         r"\b(?:día|day|le|am|el|um|à|a las)\s+X\b(?![-'’])))|"
                         # wave 37 (set 20's de-b7): a date or a time left as question marks, "am ??.12. um ??:?? Uhr"
                         r"\?\?[.:/]\?\?|\?\?[.:/]\d|(?<=\d)[.:/h]\?\?", re.I)
"""What a writer left for someone to fill in: any bracketed span ("[INSERT CASE STUDY HERE]", "{prénom}",
"<<NOMBRE>>"); a plain-text email to a buyer has no use for brackets of its own. A marker is one only in
capitals: "todo" is Spanish for "everything" ("para que tenga todo junto")."""
