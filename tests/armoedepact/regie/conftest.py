from tests.armoedepact.regie.otp import admin_client  # noqa: F401
