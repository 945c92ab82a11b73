"""Writes for the sociale kaart. Every change to an aanbod, its organisation or
its thema's goes through here, so the stored search vector stays current. Also
who acts for an organisation (invitations, memberships) and the anonymous
counts of what residents search for."""

import datetime
import hashlib
import re
import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from sociale_kaart.models import (
    Aanbod,
    Lidmaatschap,
    Rol,
    Status,
    Uitnodiging,
    ZoekTelling,
    ZoektermAfhandeling,
    ZoektermZonderResultaat,
)

BEWAAR_MAANDEN = 13  # search counts per month are kept this long
_LIJKT_PERSOONLIJK = re.compile(r"@|\d{5,}|\b\d{4}\b|\d{4}\s?[a-z]{2}\b")

# Weighted Dutch full-text vector: A = titel, B = organisation name and
# thema's, C = what you get and for whom.
_ZOEKVECTOR_SQL = """
UPDATE sociale_kaart_aanbod AS a
SET zoekvector =
    setweight(to_tsvector('dutch', coalesce(a.titel, '')), 'A')
 || setweight(to_tsvector('dutch', coalesce(o.naam, '')), 'B')
 || setweight(to_tsvector('dutch', coalesce((
        SELECT string_agg(t.naam, ' ')
        FROM sociale_kaart_aanbod_themas at
        JOIN sociale_kaart_thema t ON t.id = at.thema_id
        WHERE at.aanbod_id = a.id), '')), 'B')
 || setweight(to_tsvector('dutch', coalesce(a.wat_u_krijgt, '') || ' ' || coalesce(a.voor_wie, '')), 'C')
FROM sociale_kaart_organisatie AS o
WHERE o.id = a.organisatie_id
"""


# The vocabulary of the search (Zoekwoord): the words of the same texts of
# PUBLIC aanbod only (published aanbod of a published organisation, as
# selectors.aanbod_publiek), lower case, 3 to 60 letters or digits, so a typo is
# never corrected to a word residents cannot find. A full rebuild (no ids)
# starts from scratch; an update of some aanbod adds the words of those that are
# public and drops their words that no public aanbod has any more (after a
# withdrawal or archiving). A word dropped from an edited text stays until the
# next full rebuild (`manage.py zoekindex_bijwerken`); the search of that word
# then simply finds nothing.
_WOORDEN_SQL = """
SELECT DISTINCT w.woord FROM sociale_kaart_aanbod a
JOIN sociale_kaart_organisatie o ON o.id = a.organisatie_id
CROSS JOIN LATERAL regexp_split_to_table(lower(
    coalesce(a.titel, '') || ' ' || coalesce(o.naam, '') || ' ' || coalesce(a.wat_u_krijgt, '') || ' '
    || coalesce(a.voor_wie, '') || ' ' || coalesce((
        SELECT string_agg(t.naam, ' ') FROM sociale_kaart_aanbod_themas at
        JOIN sociale_kaart_thema t ON t.id = at.thema_id WHERE at.aanbod_id = a.id), '')
), '[^[:alnum:]]+') AS w(woord)
WHERE length(w.woord) BETWEEN 3 AND 60 AND w.woord !~ '^[0-9]+$' {waar}
"""
_PUBLIEK = f"AND a.status = '{Status.GEPUBLICEERD.value}' AND o.status = '{Status.GEPUBLICEERD.value}'"
_WOORDENLIJST_SQL = "INSERT INTO sociale_kaart_zoekwoord (woord) " + _WOORDEN_SQL + " ON CONFLICT (woord) DO NOTHING"
# Words of the given aanbod that no public aanbod holds any more. The check goes
# through the public search index (its GIN index on the Dutch vector of the same
# texts): a word stays while searching it still finds public help. Stop words
# (an empty query) are kept.
_WOORDEN_OPRUIMEN_SQL = """
DELETE FROM sociale_kaart_zoekwoord z
WHERE z.woord IN ({woorden})
AND numnode(plainto_tsquery('dutch', z.woord)) > 0
AND NOT EXISTS (
    SELECT 1 FROM sociale_kaart_aanbodzoekindex i
    WHERE i.publiek AND i.zoekvector @@ plainto_tsquery('dutch', z.woord))
"""


def aanbod_zoekvector_bijwerken(*, aanbod_ids: Iterable[int] | None = None) -> None:
    """Recompute the stored search vector and the vocabulary; all aanbod when
    aanbod_ids is None. Call it after any change of text or status.

    The search reads a copy in AanbodZoekindex: a PostgreSQL trigger (migration
    0003) copies the vector there in the same statement, so callers need nothing else."""
    with connection.cursor() as cursor:
        if aanbod_ids is None:
            cursor.execute(_ZOEKVECTOR_SQL)
            cursor.execute("DELETE FROM sociale_kaart_zoekwoord")
            cursor.execute(_WOORDENLIJST_SQL.format(waar=_PUBLIEK))
        else:
            ids = list(aanbod_ids)
            if ids:
                cursor.execute(_ZOEKVECTOR_SQL + " AND a.id = ANY(%s)", [ids])
                cursor.execute(_WOORDENLIJST_SQL.format(waar=_PUBLIEK + " AND a.id = ANY(%s)"), [ids])
                cursor.execute(
                    _WOORDEN_OPRUIMEN_SQL.format(woorden=_WOORDEN_SQL.format(waar="AND a.id = ANY(%s)")), [ids]
                )


def organisatie_zoekvector_bijwerken(*, organisatie_ids: Iterable[int]) -> None:
    """After an organisation changed (its name is in the vector of each of its aanbod)."""
    ids = list(organisatie_ids)
    if ids:
        aanbod_zoekvector_bijwerken(
            aanbod_ids=Aanbod.objects.filter(organisatie_id__in=ids).values_list("pk", flat=True)
        )


def thema_zoekvector_bijwerken(*, thema_ids: Iterable[int]) -> None:
    """After a thema was renamed or removed: every aanbod that has (or had) it."""
    ids = list(thema_ids)
    if ids:
        aanbod_ids = Aanbod.themas.through.objects.filter(thema_id__in=ids).values_list("aanbod_id", flat=True)
        aanbod_zoekvector_bijwerken(aanbod_ids=list(aanbod_ids))


def lijkt_persoonlijk(tekst: str) -> bool:
    """True for search text that may hold personal data or a place: never counted."""
    return bool(_LIJKT_PERSOONLIJK.search(tekst))


# What is kept of a search text: only the words of the search vocabulary
# (Zoekwoord, public aanbod only) and of the lexicon (every word of a Synoniem
# rule); any other word becomes "…", a run of them one "…", so a name or a
# street never gets stored. Worked out inside the statement that counts, so a
# search still costs one query. A text of unknown words only is not kept.
_WOORD = re.compile(r"[^\W_]+")
_BEKENDE_WOORDEN_CTE = """
WITH lexicon AS (
    SELECT DISTINCT w FROM sociale_kaart_synoniem s
    CROSS JOIN LATERAL regexp_split_to_table(lower(s.woord || ' ' || s.zoekt_ook), '[^[:alnum:]]+') AS w
),
ingekort AS (
    SELECT left(regexp_replace(string_agg(
        CASE WHEN EXISTS (SELECT 1 FROM sociale_kaart_zoekwoord z WHERE z.woord = t.woord)
               OR EXISTS (SELECT 1 FROM lexicon l WHERE l.w = t.woord)
             THEN t.woord ELSE '…' END, ' ' ORDER BY t.n), '…( …)+', '…', 'g'), 200) AS tekst
    FROM unnest(%s::text[]) WITH ORDINALITY AS t(woord, n)
)
"""


_ZONDER_RESULTAAT_SQL = (
    _BEKENDE_WOORDEN_CTE
    + """
INSERT INTO sociale_kaart_zoektermzonderresultaat AS t (zoekterm, maand, aantal, afhandeling, afgehandeld_op)
SELECT ingekort.tekst, %s, 1, COALESCE(max(eerder.afhandeling), ''), max(eerder.afgehandeld_op)
FROM ingekort
-- A term marked "niet onze taak" in an earlier month stays dealt with.
LEFT JOIN sociale_kaart_zoektermzonderresultaat AS eerder
    ON eerder.zoekterm = ingekort.tekst AND eerder.afhandeling = %s
WHERE ingekort.tekst <> '…'
GROUP BY ingekort.tekst
ON CONFLICT (zoekterm, maand)
DO UPDATE SET aantal = t.aantal + 1
"""
)


def _woorden(zoekterm: str) -> list[str]:
    """The words of a search text, lower case, as the vocabulary splits them; [] when it may be personal."""
    tekst = " ".join(zoekterm.lower().split())
    if not tekst or lijkt_persoonlijk(tekst):
        return []
    return [woord[:60] for woord in _WOORD.findall(tekst)][:40]


def zoekterm_zonder_resultaat_tellen(*, zoekterm: str, vandaag: datetime.date | None = None) -> None:
    """Count a search that found nothing, per month: the known words only, no person, no time.

    Texts that look like personal data (an e-mail address, a long number such as
    a BSN or phone number) are not kept at all; other words only when the search
    vocabulary or the lexicon has them."""
    woorden = _woorden(zoekterm)
    if not woorden:
        return
    maand = (vandaag or timezone.localdate()).replace(day=1)
    with connection.cursor() as cursor:
        cursor.execute(_ZONDER_RESULTAAT_SQL, [woorden, maand, ZoektermAfhandeling.NIET_ONZE_TAAK])


def zoekterm_afhandelen(*, zoekterm: str, afhandeling: str, vandaag: datetime.date | None = None) -> int:
    """Mark every month of a search without results as dealt with; the number of rows marked."""
    if afhandeling not in ZoektermAfhandeling.values:
        raise ValidationError("Kies wat u met deze zoekterm heeft gedaan.")
    return ZoektermZonderResultaat.objects.filter(zoekterm=zoekterm).update(
        afhandeling=afhandeling, afgehandeld_op=vandaag or timezone.localdate()
    )


# --- Anonymous counts of searches ---------------------------------------------------

_ZOEKTELLING_SQL = """
INSERT INTO {tabel} (soort, waarde, maand, aantal)
SELECT v.soort, v.waarde, v.maand, 1 FROM (VALUES {rijen}) AS v(soort, waarde, maand)
WHERE v.waarde IS NOT NULL AND v.waarde <> '…'
ON CONFLICT (soort, waarde, maand)
DO UPDATE SET aantal = {tabel}.aantal + 1
"""


def zoekopdracht_tellen(
    *, zoekterm: str = "", themas: Iterable[str] = (), vandaag: datetime.date | None = None
) -> None:
    """Count one search on the sociale kaart this month: its text and the themes it used.

    Only the known words of the text (see _BEKENDE_WOORDEN_CTE) and the theme slugs
    are counted; no person, no place, no time of day."""
    maand = (vandaag or timezone.localdate()).replace(day=1)
    woorden = _woorden(zoekterm)
    rijen, params = [], []
    if woorden:
        rijen.append("(%s, (SELECT tekst FROM ingekort), %s::date)")
        params += [woorden, ZoekTelling.Soort.ZOEKTERM, maand]
    for thema in dict.fromkeys(themas):
        thema = str(thema)[:200]
        if thema:
            rijen.append("(%s, %s, %s::date)")
            params += [ZoekTelling.Soort.THEMA, thema, maand]
    if not rijen:
        return
    # One statement for the text and all themes: a search costs one query.
    sql = _ZOEKTELLING_SQL.format(tabel=ZoekTelling._meta.db_table, rijen=", ".join(rijen))
    with connection.cursor() as cursor:
        cursor.execute((_BEKENDE_WOORDEN_CTE if woorden else "") + sql, params)


def zoektellingen_opruimen(*, vandaag: datetime.date | None = None) -> int:
    """Delete the monthly search counts (ZoekTelling and ZoektermZonderResultaat)
    older than 13 months: the current month and the 12 before it stay, so this
    month can be compared with the same month last year. Returns the rows deleted."""
    maand = (vandaag or timezone.localdate()).replace(day=1)
    jaar, index = divmod(maand.year * 12 + maand.month - 1 - (BEWAAR_MAANDEN - 1), 12)
    grens = datetime.date(jaar, index + 1, 1)
    weg, _ = ZoekTelling.objects.filter(maand__lt=grens).delete()
    weg_zonder, _ = ZoektermZonderResultaat.objects.filter(maand__lt=grens).delete()
    return weg + weg_zonder


# --- Who acts for an organisation: invitations and memberships -------------------

UITNODIGING_GELDIG = timedelta(days=14)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def uitnodiging_maken(*, email: str, organisatie, rol: str = Rol.BEHEERDER, door=None) -> tuple[Uitnodiging, str]:
    """Create an invitation; returns it with the plain token (only ever sent by e-mail)."""
    token = secrets.token_urlsafe(32)
    uitnodiging = Uitnodiging(
        email=email.strip().lower(),
        organisatie=organisatie,
        rol=rol,
        token_hash=_hash(token),
        uitgenodigd_door=door,
        verloopt_op=timezone.now() + UITNODIGING_GELDIG,
    )
    uitnodiging.full_clean()
    uitnodiging.save()
    return uitnodiging, token


def uitnodiging_zoeken(*, token: str) -> Uitnodiging | None:
    """A usable invitation for this token, or None (unknown, used or expired)."""
    if not token or len(token) > 100:
        return None
    uitnodiging = Uitnodiging.objects.select_related("organisatie").filter(token_hash=_hash(token)).first()
    if uitnodiging is None or uitnodiging.gebruikt_op is not None or uitnodiging.verloopt_op <= timezone.now():
        return None
    return uitnodiging


@transaction.atomic
def uitnodiging_accepteren(*, token: str, wachtwoord: str, voornaam: str = "", achternaam: str = ""):
    """Turn an invitation into a user and a membership. Single use."""
    uitnodiging = Uitnodiging.objects.select_for_update().filter(token_hash=_hash(token)).first()
    if uitnodiging is None or uitnodiging.gebruikt_op is not None or uitnodiging.verloopt_op <= timezone.now():
        raise ValidationError("Deze uitnodiging is niet meer geldig.")
    User = get_user_model()
    if User.objects.filter(username__iexact=uitnodiging.email).exists():
        # An existing account joins only after a normal log-in (uitnodiging_accepteren_bestaand).
        raise ValidationError("Voor dit e-mailadres is al een account. Log eerst in.")
    user = User(username=uitnodiging.email, email=uitnodiging.email, first_name=voornaam, last_name=achternaam)
    user.set_password(wachtwoord)
    user.full_clean()
    user.save()
    Lidmaatschap.objects.get_or_create(
        gebruiker=user, organisatie=uitnodiging.organisatie, defaults={"rol": uitnodiging.rol}
    )
    uitnodiging.gebruikt_op = timezone.now()
    uitnodiging.save(update_fields=["gebruikt_op"])
    return user


def uitnodiging_heeft_account(*, uitnodiging: Uitnodiging) -> bool:
    """Is there already an account for the invited address?"""
    return get_user_model().objects.filter(username__iexact=uitnodiging.email).exists()


@transaction.atomic
def uitnodiging_accepteren_bestaand(*, token: str, user) -> Lidmaatschap:
    """A logged-in user accepts an invitation for their own address: the membership only."""
    uitnodiging = Uitnodiging.objects.select_for_update().filter(token_hash=_hash(token)).first()
    if uitnodiging is None or uitnodiging.gebruikt_op is not None or uitnodiging.verloopt_op <= timezone.now():
        raise ValidationError("Deze uitnodiging is niet meer geldig.")
    if user.get_username().lower() != uitnodiging.email.lower():
        raise ValidationError("Deze uitnodiging is voor een ander e-mailadres.")
    lidmaatschap, _ = Lidmaatschap.objects.get_or_create(
        gebruiker=user, organisatie=uitnodiging.organisatie, defaults={"rol": uitnodiging.rol}
    )
    uitnodiging.gebruikt_op = timezone.now()
    uitnodiging.save(update_fields=["gebruikt_op"])
    return lidmaatschap


def lidmaatschap_toevoegen(*, gebruiker, organisatie, rol: str = Rol.MEDEWERKER) -> Lidmaatschap:
    lidmaatschap, _ = Lidmaatschap.objects.get_or_create(
        gebruiker=gebruiker, organisatie=organisatie, defaults={"rol": rol}
    )
    return lidmaatschap


def collega_uitnodigen(*, email: str, organisatie, rol: str, door) -> tuple[Uitnodiging, str]:
    """A beheerder invites a colleague (the same invitation path as the coordinator's)."""
    email = email.strip().lower()
    if Lidmaatschap.objects.filter(organisatie=organisatie, gebruiker__username__iexact=email).exists():
        raise ValidationError("Deze persoon hoort al bij uw organisatie.")
    return uitnodiging_maken(email=email, organisatie=organisatie, rol=rol, door=door)


@transaction.atomic
def lidmaatschap_verwijderen(*, lidmaatschap: Lidmaatschap) -> None:
    """Remove a colleague from an organisation (the account stays). The last beheerder stays."""
    beheerders = Lidmaatschap.objects.select_for_update().filter(
        organisatie_id=lidmaatschap.organisatie_id, rol=Rol.BEHEERDER
    )
    if lidmaatschap.rol == Rol.BEHEERDER and beheerders.count() <= 1:
        raise ValidationError("Dit is de laatste beheerder. Nodig eerst een andere beheerder uit.")
    lidmaatschap.delete()


def uitnodiging_versturen(*, uitnodiging: Uitnodiging, token: str, basis_url: str) -> None:
    """E-mail the invitation link (B1 Dutch). basis_url: scheme and host, e.g. https://armoedepact.nl."""
    from django.core.mail import send_mail
    from django.urls import reverse

    link = basis_url.rstrip("/") + reverse("uitnodiging_accepteren", kwargs={"token": token})
    send_mail(
        subject=f"Uitnodiging: werk mee aan het Armoedepact voor {uitnodiging.organisatie.naam}",
        message=(
            "Beste partner,\n\n"
            f"U bent uitgenodigd om de gegevens van {uitnodiging.organisatie.naam} bij te houden "
            "op het portaal van het Armoedepact.\n\n"
            f"Klik op deze link om uw account te maken:\n{link}\n\n"
            "De link werkt 14 dagen en maar 1 keer.\n\n"
            "Met vriendelijke groet,\nDe coördinator van het Armoedepact"
        ),
        from_email=None,
        recipient_list=[uitnodiging.email],
    )
