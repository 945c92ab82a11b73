from tests.regie.otp import admin_client  # noqa: F401
