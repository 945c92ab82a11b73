"""Sends the check's encrypted answers cookie back (or removes it) after a view
of the check changed it (regelingen/check.py)."""

from regelingen import check


class CheckCookieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        check.cookie_bijwerken(request, response)
        return response
