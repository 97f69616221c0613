using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Kernel.Access;

/// <summary>
/// The read side of scoping, in one place: every query on an <see cref="IOrgScoped"/> entity (and on org units
/// themselves) is filtered to rows whose org unit lies under one of the caller's scope roots, through the closure table.
/// The filter reads the scope from the DbContext instance, so EF Core parameterises it per context (per request).
/// A read past it names it (<c>IgnoreQueryFilters([ScopeFilter.Name])</c>) and is listed, with its reason, in the
/// architecture tests' ScopeEscapes; org units read past it belong in <see cref="OrgTree"/>.
/// </summary>
public static class ScopeFilter
{
    public const string Name = "OrgScope";

    private static readonly MethodInfo SetMethod = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
    private static readonly MethodInfo ContainsMethod = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
        .MakeGenericMethod(typeof(int));
    private static readonly MethodInfo AnyMethod = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Any) && m.GetParameters().Length == 2)
        .MakeGenericMethod(typeof(OrgClosure));

    public static void Apply<TContext>(ModelBuilder mb, TContext context)
        where TContext : DbContext, IScopedDbContext
    {
        foreach (var entity in mb.Model.GetEntityTypes().ToList())
        {
            if (entity.BaseType is not null)
            {
                continue;
            }
            if (entity.ClrType == typeof(OrgUnit))
            {
                mb.Entity<OrgUnit>().HasQueryFilter(Name, Build<OrgUnit>(context, nameof(OrgUnit.Id)));
            }
            else if (typeof(IParentOwned).IsAssignableFrom(entity.ClrType))
            {
                mb.Entity(entity.ClrType).HasQueryFilter(Name, BuildParentOwned(entity.ClrType, context));
            }
            else if (typeof(IOrgScoped).IsAssignableFrom(entity.ClrType))
            {
                mb.Entity(entity.ClrType).HasQueryFilter(Name, Build(entity.ClrType, context, nameof(IOrgScoped.OrgUnitId)));
            }
        }
    }

    /// <summary>The org scope, or the parent who owns the row: e => (scope) || e.ParentAccountId == ctx.ScopeParentId.</summary>
    private static LambdaExpression BuildParentOwned(Type entityType, DbContext context)
    {
        var scoped = Build(entityType, context, nameof(IOrgScoped.OrgUnitId));
        var ctx = Expression.Constant(context, context.GetType());
        var e = scoped.Parameters[0];
        // ScopeParentId is null for everyone but a parent, and "= NULL" matches nothing in SQL.
        var own = Expression.Equal(
            Expression.Convert(Expression.Property(e, nameof(IParentOwned.ParentAccountId)), typeof(Guid?)),
            Expression.Property(ctx, nameof(IScopedDbContext.ScopeParentId)));
        return Expression.Lambda(Expression.OrElse(scoped.Body, own), e);
    }

    private static Expression<Func<T, bool>> Build<T>(DbContext context, string orgProperty) =>
        (Expression<Func<T, bool>>)Build(typeof(T), context, orgProperty);

    /// <summary>e => ctx.ScopeIsUnrestricted || ctx.Set&lt;OrgClosure&gt;().Any(c => ctx.ScopeRoots.Contains(c.AncestorId) &amp;&amp; c.DescendantId == e.Org)</summary>
    private static LambdaExpression Build(Type entityType, DbContext context, string orgProperty)
    {
        // A constant of the context's own type: EF Core replaces it with the context running the query.
        var ctx = Expression.Constant(context, context.GetType());
        var e = Expression.Parameter(entityType, "e");
        var c = Expression.Parameter(typeof(OrgClosure), "c");

        var unrestricted = Expression.Property(ctx, nameof(IScopedDbContext.ScopeIsUnrestricted));
        var roots = Expression.Property(ctx, nameof(IScopedDbContext.ScopeRoots));
        var closure = Expression.Call(ctx, SetMethod.MakeGenericMethod(typeof(OrgClosure)));
        var match = Expression.AndAlso(
            Expression.Call(ContainsMethod, roots, Expression.Property(c, nameof(OrgClosure.AncestorId))),
            Expression.Equal(Expression.Property(c, nameof(OrgClosure.DescendantId)), Expression.Property(e, orgProperty)));
        var any = Expression.Call(AnyMethod, closure, Expression.Lambda<Func<OrgClosure, bool>>(match, c));
        return Expression.Lambda(Expression.OrElse(unrestricted, any), e);
    }
}
