"""Loading the demo queues no background job that the worker must fail."""

import io

from django.core.management import call_command
from django_tasks_db.models import DBTaskResult


def test_loading_the_demo_queues_no_job_for_a_deleted_page(transactional_db, settings):
    # As `make demo` runs it: jobs stored in the database, then `db_worker --batch`.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("load_demo", stdout=io.StringIO())
    assert DBTaskResult.objects.exists()
    call_command(
        "db_worker", batch=True, startup_delay=False, reload=False, stdout=io.StringIO()
    )
    statuses = set(DBTaskResult.objects.values_list("task_path", "status"))
    assert {status for _path, status in statuses} == {"SUCCESSFUL"}, statuses
