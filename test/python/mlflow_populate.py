"""Populates a real MLflow tracking server with MLflow's own Python client, for modelgraph's sync tests.

Usage: .venv/bin/python test/python/mlflow_populate.py <tracking-uri> <spec-json>
spec: {"model": "churn", "versions": 2, "source": "<dataset source URI>", "dataset": "<name>",
       "columns": [["name", "long"], ...], "champion": ["1", "2"]}
   or {"model": "churn", "until_version": "3", ...}: versions are added (to the model, created if
   missing) until one numbered so is registered, however many the server already has or had.
For each version: a run (experiment `churn-training`) with params, a metric history (auc over 3
steps), the code version tag, and its training dataset logged with `mlflow.log_input`; then a
model version registered from that run. The `champion` alias is set to each listed version in
turn (so it moves). The dataset's source is any URI: `mlflow.data.from_pandas(source=...)` only
takes schemes it has a resolver for (not postgres://, duckdb://), so the dataset is a MetaDataset
over a DatasetSource that keeps the URI as given. Prints the run ids as JSON.
"""
import json
import sys
from typing import Any

import mlflow
from mlflow.data.dataset_source import DatasetSource
from mlflow.data.meta_dataset import MetaDataset
from mlflow.tracking import MlflowClient
from mlflow.types import ColSpec, Schema


class UriDatasetSource(DatasetSource):
    """A table named by a URI (OpenLineage naming: postgres://host:port/db.schema.table)."""

    def __init__(self, uri: str):
        self._uri = uri

    @staticmethod
    def _get_source_type() -> str:
        return "uri"

    def load(self, **kwargs) -> Any:
        raise NotImplementedError("only names the table")

    @staticmethod
    def _can_resolve(raw_source: Any) -> bool:
        return False

    @classmethod
    def _resolve(cls, raw_source: Any) -> "UriDatasetSource":
        return cls(str(raw_source))

    def to_dict(self) -> dict[str, Any]:
        return {"uri": self._uri}

    @classmethod
    def from_dict(cls, source_dict: dict[Any, Any]) -> "UriDatasetSource":
        return cls(source_dict["uri"])


def main(url: str, spec: dict) -> None:
    mlflow.set_tracking_uri(url)
    mlflow.set_experiment("churn-training")
    client = MlflowClient(url)
    model = spec["model"]
    schema = Schema([ColSpec(t, n) for n, t in spec["columns"]])
    dataset = MetaDataset(UriDatasetSource(spec["source"]), name=spec["dataset"], schema=schema)
    if not client.search_registered_models(filter_string=f"name='{model}'"):
        client.create_registered_model(model, description="Predicts churn from customer activity.")
    runs = []
    last = 0  # the number of the version registered last
    until = int(spec.get("until_version", 0))
    while len(runs) < spec.get("versions", 0) or last < until:
        i = len(runs)
        with mlflow.start_run(run_name=f"train-{i + 1}") as run:
            mlflow.log_params({"max_depth": 4 + i, "learning_rate": 0.1})
            for step in range(3):
                mlflow.log_metric("auc", 0.80 + 0.01 * i + 0.02 * step, step=step)
            mlflow.set_tag("mlflow.source.git.commit", f"{i + 1:040x}")
            mlflow.log_input(dataset, context="training")
        last = int(client.create_model_version(model, source=f"{run.info.artifact_uri}/model", run_id=run.info.run_id,
                                               description=f"trained by run {i + 1}", tags={"framework": "xgboost"}).version)
        runs.append(run.info.run_id)
    if until and last != until:
        sys.exit(f"model {model} already had versions past {until}")
    for version in spec.get("champion", []):
        client.set_registered_model_alias(model, "champion", version)
    print(json.dumps({"runs": runs}))


if __name__ == "__main__":
    main(sys.argv[1], json.loads(sys.argv[2]))
