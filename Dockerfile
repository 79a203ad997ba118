# One image for the web server, the Celery worker and Celery beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
# WeasyPrint renders official documents with Pango; the fonts themselves ship with the project.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
RUN pip install .
# Collect static files at build time; the values below exist only for this step.
RUN DJANGO_SETTINGS_MODULE=isu_portal.settings.production SECRET_KEY=collectstatic-only \
    ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput -v0

RUN useradd --system --uid 1000 isu && mkdir -p /app/var && chown -R isu /app/var
USER isu
EXPOSE 8000
ENV DJANGO_SETTINGS_MODULE=isu_portal.settings.production
CMD ["gunicorn", "isu_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
