"""gunicorn for the Armoedepact portal behind nginx (deploy/nginx-armoedepact.conf).

gunicorn listens on 127.0.0.1 only: nobody reaches it but the proxy, which
buffers slow clients (slow headers, slow bodies) so a worker never waits for
one. Start: gunicorn -c deploy/gunicorn.conf.py armoedepact.wsgi:application
"""

import multiprocessing
import os

# Local only; the port can change (ARMOEDEPACT_PORT), the address cannot.
bind = f"127.0.0.1:{int(os.environ.get('ARMOEDEPACT_PORT', '8000'))}"
workers = int(os.environ.get("GUNICORN_WORKERS", str(max(2, multiprocessing.cpu_count() + 1))))
worker_class = "sync"
timeout = 60
graceful_timeout = 30
keepalive = 2
# Recycle workers now and then (the page cache is per worker and bounded by bytes).
max_requests = 2000
max_requests_jitter = 200
forwarded_allow_ips = "127.0.0.1"
accesslog = "-"
errorlog = "-"
