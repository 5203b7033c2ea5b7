"""The one exception the importer raises for something an editor can fix."""


class ImportProblem(ValueError):
    """Something the editor can fix, said in plain English, for the form field it is about."""

    def __init__(self, message, field="file"):
        super().__init__(message)
        self.field = field
