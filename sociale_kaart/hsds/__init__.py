"""Open data: the published sociale kaart as Open Referral HSDS 3.0 (API, export, import)."""
