"""HTTP concerns shared by every view: negotiation over the one MIME table, the one
error shape, request guards, the replay of finished GET /sparql answers, gunicorn."""
