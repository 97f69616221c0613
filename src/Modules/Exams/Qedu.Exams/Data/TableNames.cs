using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Qedu.Exams.Data;

/// <summary>An entity's table and columns as SQL names (schema-qualified on PostgreSQL, prefixed on SQLite), from the EF model, for the bulk paths.</summary>
internal sealed class TableNames
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _store;

    private TableNames(IEntityType entity)
    {
        _entity = entity;
        _store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
    }

    public static TableNames Of<T>(ExamsDb db) => new(db.Model.FindEntityType(typeof(T))!);

    public string Table { get; }

    public string Column(string property) => $"\"{_entity.FindProperty(property)!.GetColumnName(_store)}\"";

    public string Columns(IEnumerable<string> properties) => string.Join(", ", properties.Select(Column));
}
