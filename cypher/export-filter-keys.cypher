// Export (/export/*): which of the keys a filter names exist (a filter naming none is refused
// with a 400 that names its parameter, rather than giving an empty file).
RETURN
  $variable IS NULL OR EXISTS { MATCH (:Variable {key: $variable}) } AS variable,
  $about IS NULL OR EXISTS { MATCH (:Entity {key: $about}) } AS about,
  $scope IS NULL OR EXISTS { MATCH (:Entity {key: $scope}) } AS scope,
  $period IS NULL OR EXISTS { MATCH (:Entity {key: $period}) } AS period,
  $document IS NULL OR EXISTS { MATCH (:Document {id: $document}) } AS document
