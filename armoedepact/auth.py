"""Authentication backend with django-axes lock-out.

django-axes needs the request to know the address. Log-ins without a request
(management commands, `Client.login` in tests) come from no remote address, so
there is nothing to lock out: we skip the check for them instead of failing.
"""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
