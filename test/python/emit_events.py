"""Drives modelgraph's OpenLineage endpoint with the real openlineage-python client (HTTP transport).

Usage: .venv/bin/python test/python/emit_events.py <base-url>
Emits START and COMPLETE of one run of job `py_etl.build_features` (a child of an orchestrator
run), reading `warehouse.raw_orders` and writing `warehouse.order_features` with schema and
column-lineage facets, gzip-compressed. Prints the ids it used as JSON, for the test to check.
"""
import json
import sys
import uuid
from datetime import datetime, timedelta, timezone

from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import InputDataset, Job, OutputDataset, Run, RunEvent, RunState
from openlineage.client.facet_v2 import column_lineage_dataset as cl
from openlineage.client.facet_v2 import parent_run, schema_dataset, sql_job
from openlineage.client.transport.http import HttpCompression, HttpConfig, HttpTransport

PRODUCER = "https://github.com/modelgraph/modelgraph/test/python/emit_events.py"
NAMESPACE = "py_etl"
JOB = "build_features"
SOURCE_NS = "postgres://warehouse:5432"


def schema(*fields):
    return schema_dataset.SchemaDatasetFacet(fields=[schema_dataset.SchemaDatasetFacetFields(name=n, type=t) for n, t in fields])


def main(url):
    transport = HttpTransport(HttpConfig(url=url, endpoint="api/v1/lineage", compression=HttpCompression.GZIP,
                                      timeout=60.0, retry={"total": 0}))  # a cold test database can be slow
    client = OpenLineageClient(transport=transport)
    run_id, parent_id = str(uuid.uuid4()), str(uuid.uuid4())
    started = datetime(2026, 3, 1, 6, 0, tzinfo=timezone.utc)

    source = InputDataset(namespace=SOURCE_NS, name="warehouse.raw_orders",
                          facets={"schema": schema(("order_id", "BIGINT"), ("amount", "DECIMAL"), ("placed_at", "TIMESTAMP"))})
    lineage = cl.ColumnLineageDatasetFacet(fields={
        "order_id": cl.Fields(inputFields=[cl.InputField(SOURCE_NS, "warehouse.raw_orders", "order_id")]),
        "amount_usd": cl.Fields(inputFields=[cl.InputField(SOURCE_NS, "warehouse.raw_orders", "amount", transformations=[
            cl.Transformation(type="DIRECT", subtype="TRANSFORMATION", description="amount * fx_rate")])]),
    })
    target = OutputDataset(namespace=SOURCE_NS, name="warehouse.order_features",
                           facets={"schema": schema(("order_id", "BIGINT"), ("amount_usd", "DOUBLE")), "columnLineage": lineage})
    job = Job(namespace=NAMESPACE, name=JOB, facets={"sql": sql_job.SQLJobFacet(query="INSERT INTO order_features SELECT ...")})
    run_facets = {"parent": parent_run.ParentRunFacet(run=parent_run.Run(runId=parent_id), job=parent_run.Job(namespace=NAMESPACE, name="orchestrator"))}

    for state, at in ((RunState.START, started), (RunState.COMPLETE, started + timedelta(minutes=3))):
        client.emit(RunEvent(eventType=state, eventTime=at.isoformat(), run=Run(runId=run_id, facets=run_facets), job=job,
                             producer=PRODUCER, inputs=[source], outputs=[target]))
    print(json.dumps({"runId": run_id, "parentRunId": parent_id}))


if __name__ == "__main__":
    main(sys.argv[1])
