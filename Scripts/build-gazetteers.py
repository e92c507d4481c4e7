#!/usr/bin/env python3
"""Re-derive the gazetteers shipped in Sources/LedeExtraction/Resources/gazetteers/.

Usage (from the repository root; Python 3 standard library only):

    python3 Scripts/build-gazetteers.py [--data ../shared/data] [--out Sources/LedeExtraction/Resources/gazetteers]

Inputs (never copied into the project; only the compact tables below are written):
  gazetteers/countries-cldr.tsv            CLDR country/region names, vi + en (Unicode licence)
  gazetteers/cities-geonames-15k.tsv       GeoNames cities over 15k people (CC BY 4.0)
  gazetteers/vn-admin-63-provinces-pre2025.csv, vn-admin-34-provinces-2025.json,
  gazetteers/vn-admin-2025-old-to-new.csv  Vietnam's administrative units (government lists; only the
                                           names and codes are derived here, no code is reused)
  ontology/cameo-countrynames.txt          CAMEO country codes (MIT, Philip Schrodt)

Outputs:
  countries.tsv   iso2, cameo, kind (country|region), name_vi, name_en, aliases (|-separated, both languages;
                  the news short names come from COUNTRY_ALIASES below, written by hand), demonyms (English
                  adjectives from DEMONYMS below, for CAMEO actor codes only)
  cities.tsv      geonameid, name, iso2, population, other names (|-separated: Vietnamese names written in
                  the Vietnamese alphabet — GeoNames' other romanisations are dropped — and the few English
                  names in CITY_ALIASES below, written by hand)
  vn-admin.tsv    level (province|district), era (pre2025|2025), code, full name, short name,
                  parent (the district's province, or a pre-2025 province's successor after July 2025)

Hand-written, not derived (edit them directly): organizations.tsv and sectors.tsv in the same folder.
"""
import argparse
import collections
import csv
import json
import os
import re
import unicodedata

# Short names news uses, in Vietnamese and English, beyond CLDR's own names. Written by hand.
COUNTRY_ALIASES = {
    "US": ["Mỹ", "Hoa Kỳ", "Hoa Kì", "United States", "United States of America", "USA", "U.S.", "U.S.A.",
           "US", "America"],
    "GB": ["Anh", "Vương quốc Anh", "Britain", "Great Britain", "United Kingdom", "UK", "U.K."],
    "RU": ["Nga", "Liên bang Nga", "Russia", "Russian Federation"],
    "CN": ["Trung Quốc", "Trung Hoa", "China", "People's Republic of China", "PRC"],
    "KR": ["Hàn Quốc", "Nam Hàn", "Đại Hàn", "South Korea", "Republic of Korea"],
    "KP": ["Triều Tiên", "Bắc Triều Tiên", "CHDCND Triều Tiên", "Bắc Hàn", "North Korea", "DPRK"],
    "JP": ["Nhật", "Nhật Bản", "Japan"],
    "FR": ["Pháp", "France"],
    "DE": ["Đức", "Germany", "CHLB Đức"],
    "IT": ["Italy", "Italia", "Ý"],
    "ES": ["Tây Ban Nha", "Spain"],
    "AU": ["Australia", "Úc", "Ôxtrâylia"],
    "IN": ["Ấn Độ", "India"],
    "VN": ["Việt Nam", "Vietnam", "Viet Nam"],
    "SY": ["Syria", "Xy-ri", "Xi-ri"],
    "IR": ["Iran", "I-ran"],
    "IQ": ["Iraq", "I-rắc", "Irắc"],
    "IL": ["Israel", "Ixraen"],
    "PS": ["Palestine", "Palestin"],
    "UA": ["Ukraine", "Ukraina", "U-crai-na"],
    "TR": ["Thổ Nhĩ Kỳ", "Thổ Nhĩ Kì", "Turkey", "Türkiye"],
    "SA": ["Saudi Arabia", "Ả Rập Saudi", "Ả-rập Xê-út", "Ả Rập Xê Út", "Arab Saudi"],
    "AE": ["UAE", "United Arab Emirates", "Các Tiểu vương quốc Arab Thống nhất"],
    "EG": ["Ai Cập", "Egypt"],
    "CH": ["Thụy Sĩ", "Switzerland"],
    "SE": ["Thụy Điển", "Sweden"],
    "NL": ["Hà Lan", "Netherlands", "Holland"],
    "BE": ["Bỉ", "Belgium"],
    "PH": ["Philippines", "Philippin", "Phi-líp-pin"],
    "TH": ["Thái Lan", "Thailand"],
    "KH": ["Campuchia", "Cambodia"],
    "LA": ["Lào", "Laos"],
    "MM": ["Myanmar", "Miến Điện", "Burma"],
    "TW": ["Đài Loan", "Taiwan"],
    "HK": ["Hồng Kông", "Hong Kong"],
    "MO": ["Ma Cao", "Macau", "Macao"],
    "CZ": ["Séc", "Cộng hòa Séc", "Czech Republic", "Czechia"],
    "CD": ["CHDC Congo", "DR Congo", "Democratic Republic of the Congo"],
    "CG": ["Congo", "Republic of the Congo"],
    "CI": ["Bờ Biển Ngà", "Ivory Coast", "Cote d'Ivoire"],
    "MK": ["Macedonia", "Bắc Macedonia", "North Macedonia"],
    "NZ": ["New Zealand", "Niu Di-lân"],
    "AF": ["Afghanistan", "Áp-ga-ni-xtan"],
    "BR": ["Brazil", "Braxin"],
    "AR": ["Argentina", "Ác-hen-ti-na"],
    "MX": ["Mexico", "Mê-hi-cô"],
    "LB": ["Lebanon", "Li-băng", "Liban"],
    "PL": ["Ba Lan", "Poland"],
    "GR": ["Hy Lạp", "Greece"],
    "MA": ["Morocco", "Ma-rốc", "Maroc"],
    "ZA": ["Nam Phi", "South Africa"],
    "VA": ["Vatican", "Tòa Thánh", "Holy See"],
    "AT": ["Áo", "Austria"],
    "MN": ["Mông Cổ", "Mongolia"],
    "PT": ["Bồ Đào Nha", "Portugal"],
    "IE": ["Ireland", "Ai-len", "Cộng hòa Ireland"],
    "NO": ["Na Uy", "Norway"],
    "FI": ["Phần Lan", "Finland"],
    "DK": ["Đan Mạch", "Denmark"],
    "HU": ["Hungary", "Hung-ga-ri"],
    "RO": ["Romania", "Rumani"],
    "GE": ["Georgia", "Gruzia"],
    "SG": ["Singapore", "Xinh-ga-po"],
    "MY": ["Malaysia", "Ma-lai-xi-a"],
    "ID": ["Indonesia", "In-đô-nê-xi-a"],
    "CU": ["Cuba", "Cu Ba"],
    "KZ": ["Kazakhstan", "Ca-dắc-xtan"],
    "BY": ["Belarus", "Bê-la-rút"],
    "TL": ["Đông Timor", "East Timor", "Timor-Leste"],
    "SZ": ["Eswatini", "Swaziland"],
}

# Adjectives naming a country's actors in English ("Russian military" → RUSMIL); used for CAMEO codes
# only, never to find place names. Written by hand.
DEMONYMS = {
    "US": "American", "GB": "British", "RU": "Russian", "CN": "Chinese", "KR": "South Korean",
    "KP": "North Korean", "JP": "Japanese", "FR": "French", "DE": "German", "IT": "Italian", "ES": "Spanish",
    "AU": "Australian", "IN": "Indian", "VN": "Vietnamese", "SY": "Syrian", "IR": "Iranian", "IQ": "Iraqi",
    "IL": "Israeli", "PS": "Palestinian", "UA": "Ukrainian", "TR": "Turkish", "SA": "Saudi", "EG": "Egyptian",
    "AF": "Afghan", "PK": "Pakistani", "LB": "Lebanese", "JO": "Jordanian", "YE": "Yemeni", "LY": "Libyan",
    "CA": "Canadian", "MX": "Mexican", "BR": "Brazilian", "TH": "Thai", "PH": "Philippine|Filipino",
    "ID": "Indonesian", "MY": "Malaysian", "KH": "Cambodian", "LA": "Laotian", "MM": "Burmese|Myanmar",
    "TW": "Taiwanese", "PL": "Polish", "NL": "Dutch", "BE": "Belgian", "CH": "Swiss", "SE": "Swedish",
    "NO": "Norwegian", "GR": "Greek", "BY": "Belarusian", "NG": "Nigerian", "ZA": "South African",
    "KE": "Kenyan", "ET": "Ethiopian", "SO": "Somali", "SD": "Sudanese", "CU": "Cuban", "VE": "Venezuelan",
    "AR": "Argentine|Argentinian", "CO": "Colombian", "IE": "Irish", "PT": "Portuguese", "AT": "Austrian",
    "HU": "Hungarian", "CZ": "Czech", "RO": "Romanian", "RS": "Serbian", "GE": "Georgian", "QA": "Qatari",
    "AE": "Emirati", "KW": "Kuwaiti", "BH": "Bahraini", "OM": "Omani", "DZ": "Algerian", "MA": "Moroccan",
    "TN": "Tunisian", "NZ": "New Zealand", "SG": "Singaporean", "BD": "Bangladeshi", "LK": "Sri Lankan",
    "NP": "Nepalese", "MN": "Mongolian", "KZ": "Kazakh", "UZ": "Uzbek", "AZ": "Azerbaijani", "AM": "Armenian",
}

# English names news uses that GeoNames' main name lacks, by GeoNames id. Written by hand.
CITY_ALIASES = {
    "5128581": ["New York", "NYC"], "1566083": ["Saigon", "Sài Gòn"], "1581130": ["Ha Noi"],
    "2643743": ["Greater London"], "1850147": ["Tokyo"], "703448": ["Kiev"], "2950159": ["Berlin"],
    "170063": ["Halab"], "4140963": ["Washington D.C.", "Washington, D.C.", "Washington DC"], "5391959": ["San Francisco"],
    "2925533": ["Frankfurt"], "1270642": ["Gurgaon"],
}

# Display names, where CLDR's English differs from what news writes.
EN_DISPLAY = {
    "US": "United States", "GB": "United Kingdom", "HK": "Hong Kong", "MO": "Macau", "MM": "Myanmar",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "TR": "Turkey",
    "BA": "Bosnia and Herzegovina", "AG": "Antigua and Barbuda", "TT": "Trinidad and Tobago",
    "KN": "Saint Kitts and Nevis", "VC": "Saint Vincent and the Grenadines", "LC": "Saint Lucia",
    "ST": "Sao Tome and Principe", "PS": "Palestine", "CI": "Ivory Coast", "CZ": "Czech Republic",
}
VI_DISPLAY = {"HK": "Hồng Kông", "MO": "Ma Cao", "MM": "Myanmar", "PS": "Palestine", "GB": "Anh"}

# CAMEO's country list names some countries differently from CLDR.
CAMEO_NAME = {
    "US": "United States", "GB": "United Kingdom", "RU": "Russia", "KP": "North Korea", "KR": "South Korea",
    "CZ": "Czech Republic", "CD": "Democratic Republic of the Congo", "CG": "Congo", "CI": "Cote d'Ivoire",
    "MK": "Macedonia", "TR": "Turkey", "SZ": "Swaziland", "VA": "Holy See", "PS": "Palestine",
    "TL": "Timor-Leste", "BN": "Brunei", "MM": "Myanmar", "HK": "Hong Kong", "MO": "Macao",
    "BA": "Bosnia and Herzegovina", "AG": "Antigua and Barbuda", "TT": "Trinidad and Tobago",
    "KN": "Saint Kitts and Nevis", "VC": "Saint Vincent and the Grenadines", "LC": "Saint Lucia",
    "ST": "Sao Tome and Principe", "CV": "Cape Verde", "FM": "Micronesia", "VN": "Vietnam",
    "SH": "Saint Helena", "MF": "Saint Martin (French part)", "BL": "Saint Barthelemy",
    "VI": "U.S. Virgin Islands", "WF": "Wallis and Futuna", "TZ": "Tanzania",
}
# Not countries or regions for our purpose (organisations live in organizations.tsv).
SKIP_CODES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "001"}

VI_LETTERS = set("aăâbcdđeêghiklmnoôơpqrstuưvxyfjwz"
                 "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s.replace("&", " and ")).strip()


def is_vietnamese_name(name):
    """True when a GeoNames alternate name is written in the Vietnamese alphabet (drops Minnan, Hakka…)."""
    words = re.split(r"[ \-.]+", unicodedata.normalize("NFC", name).lower())
    if not any(words):
        return False
    for w in words:
        if w and not all(c in VI_LETTERS for c in w):
            return False
    # Vietnamese syllables are short; long words are other languages' romanisations.
    return all(len(w) <= 8 for w in words)


def clean(s):
    return " ".join(unicodedata.normalize("NFC", s).replace("\t", " ").split())


def countries(data):
    cameo = {}
    with open(os.path.join(data, "ontology/cameo-countrynames.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[1] and parts[1] != "---":
                cameo.setdefault(fold(parts[0]), parts[1])
    rows = []
    with open(os.path.join(data, "gazetteers/countries-cldr.tsv"), encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t")
        next(reader)
        for code, vi, en in reader:
            if code in SKIP_CODES:
                continue
            kind = "region" if code.isdigit() else "country"
            vi, en = clean(vi), clean(en)
            code_c = ""
            if kind == "country":
                code_c = cameo.get(fold(CAMEO_NAME.get(code, en)), cameo.get(fold(en), ""))
                if len(code_c) != 3:  # dependencies carry their sovereign's code plus a suffix; keep only
                    code_c = ""        # the plain country codes.
            aliases = [vi, en] + COUNTRY_ALIASES.get(code, [])
            if "(" in vi:
                aliases.append(clean(vi.split("(")[0]))
            if "(" in en:
                aliases.append(clean(en.split("(")[0]))
            if "&" in en:
                aliases.append(en.replace("&", "and"))
            seen, uniq = set(), []
            for a in aliases:
                if a and a not in seen:
                    seen.add(a)
                    uniq.append(a)
            rows.append((code, code_c, kind, VI_DISPLAY.get(code, vi), EN_DISPLAY.get(code, en), "|".join(uniq),
                         DEMONYMS.get(code, "")))
    return rows


def cities(data):
    rows = []
    with open(os.path.join(data, "gazetteers/cities-geonames-15k.tsv"), encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for r in reader:
            gid, name, cc, pop = r[0], clean(r[1]), r[2], r[3]
            alts = r[4].split("|") if len(r) > 4 and r[4] else []
            # The GeoNames name itself comes first when it is Vietnamese ("Bắc Giang"), so that it is the
            # Vietnamese display name rather than a later romanisation.
            vi = [clean(a) for a in alts if is_vietnamese_name(a)]
            if name in vi:
                vi.remove(name)
                vi.insert(0, name)
            names = vi + [a for a in CITY_ALIASES.get(gid, []) if a not in vi]
            rows.append((gid, name, cc, pop, "|".join(dict.fromkeys(names))))
    return rows


PREFIXES = ("Thành phố ", "Tỉnh ", "Quận ", "Huyện ", "Thị xã ")


def short(name):
    for p in PREFIXES:
        if name.startswith(p):
            rest = name[len(p):]
            # "Quận 1", "Quận 10" keep their prefix: the number alone is not a name.
            return name if rest.isdigit() else rest
    return name


def strip_code(s):
    return clean(re.sub(r"\(\d+\)", "", s))


def vn_admin(data):
    rows = []
    with open(os.path.join(data, "gazetteers/vn-admin-63-provinces-pre2025.csv"), encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        provinces, districts = {}, {}
        for r in reader:
            provinces.setdefault(clean(r[0]), r[1])
            districts.setdefault((clean(r[2]), r[3]), clean(r[0]))
    successor = collections.defaultdict(collections.Counter)
    with open(os.path.join(data, "gazetteers/vn-admin-2025-old-to-new.csv"), encoding="utf-8") as f:
        for r in csv.reader(f):
            if len(r) > 7 and r[7].strip() and re.search(r"\(\d+\)", r[7]) and re.search(r"\(\d+\)", r[0]):
                successor[strip_code(r[7])][strip_code(r[0])] += 1
    for name, code in sorted(provinces.items(), key=lambda x: x[1]):
        new = successor[name].most_common(1)[0][0] if successor[name] else ""
        rows.append(("province", "pre2025", code, name, short(name), new))
    for (name, code), prov in sorted(districts.items(), key=lambda x: x[0][1]):
        rows.append(("district", "pre2025", code, name, short(name), prov))
    with open(os.path.join(data, "gazetteers/vn-admin-34-provinces-2025.json"), encoding="utf-8") as f:
        for p in json.load(f):
            name = clean(p["name"])
            if p["division_type"] == "tỉnh" and not name.startswith("Tỉnh "):
                name = "Tỉnh " + name
            rows.append(("province", "2025", "%02d" % p["code"], name, short(name), ""))
    return rows


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print("wrote %s: %d rows" % (path, len(rows)))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(here, "../../shared/data"))
    ap.add_argument("--out", default=os.path.join(here, "../Sources/LedeExtraction/Resources/gazetteers"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    write(os.path.join(a.out, "countries.tsv"), ["iso2", "cameo", "kind", "name_vi", "name_en", "aliases", "demonyms"],
          countries(a.data))
    write(os.path.join(a.out, "cities.tsv"), ["geonameid", "name", "iso2", "population", "names_vi"],
          cities(a.data))
    write(os.path.join(a.out, "vn-admin.tsv"), ["level", "era", "code", "name", "short", "parent"],
          vn_admin(a.data))


if __name__ == "__main__":
    main()
