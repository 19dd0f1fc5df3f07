using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Emergencies;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Workforce.Agencies;
using Shegong.Web.Features.Workforce.Contracts;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Data;

/// <summary>
/// The scope's query filters, in one place. Every <see cref="IRegionScoped"/> entity is visible
/// when its region code lies in the scope's subtree range (index-friendly on both providers);
/// the few entities with further rules add them here: an extra reach (OR) or the agency
/// manager's restriction (AND). A scope that nobody filled has the empty range and sees nothing.
/// </summary>
public abstract partial class ShegongDb
{
    // Query filters read these per query, so one model serves every user's scope.
    private string? ScopeLow => Scope.Low;
    private string? ScopeHigh => Scope.High;
    private int? ScopeAgency => Scope.AgencyId;
    private string? ScopeAncestor0 => Scope.Ancestors[0];
    private string? ScopeAncestor1 => Scope.Ancestors[1];
    private string? ScopeAncestor2 => Scope.Ancestors[2];
    private string? ScopeAncestor3 => Scope.Ancestors[3];

    private void ApplyScopeFilters(ModelBuilder modelBuilder)
    {
        var build = typeof(ShegongDb).GetMethod(nameof(ScopeFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var type in modelBuilder.Model.GetEntityTypes()
            .Where(t => t.BaseType is null && typeof(IRegionScoped).IsAssignableFrom(t.ClrType)).ToList())
        {
            modelBuilder.Entity(type.ClrType).HasQueryFilter((LambdaExpression)build.MakeGenericMethod(type.ClrType).Invoke(this, null)!);
        }
        // Regions: the subtree, plus the root's ancestors so the path to it can be shown.
        modelBuilder.Entity<Region>().HasQueryFilter(r =>
            ScopeLow == null || (string.Compare(r.Code, ScopeLow) >= 0 && string.Compare(r.Code, ScopeHigh) <= 0)
            || r.Code == ScopeAncestor0 || r.Code == ScopeAncestor1 || r.Code == ScopeAncestor2 || r.Code == ScopeAncestor3);
    }

    private Expression<Func<T, bool>> ScopeFilter<T>()
        where T : class, IRegionScoped
    {
        Expression<Func<T, bool>> inRange = e =>
            ScopeLow == null || (string.Compare(e.RegionCode, ScopeLow) >= 0 && string.Compare(e.RegionCode, ScopeHigh) <= 0);
        var filter = ExtraReach<T>() is { } reach ? Combine<T>(inRange, reach, Expression.OrElse) : inRange;
        return AgencyRestriction<T>() is { } agency ? Combine<T>(agency, filter, Expression.AndAlso) : filter;
    }

    /// <summary>Where an entity is also seen outside its own region.</summary>
    private LambdaExpression? ExtraReach<T>() => typeof(T) switch
    {
        // An agency is seen in every county it serves; township and village staff see the
        // agencies of their county (ancestor 2), which operate their station.
        var t when t == typeof(Agency) => (Expression<Func<Agency, bool>>)(a =>
            a.ServiceAreas.Any(s => string.Compare(s.RegionCode, ScopeLow) >= 0 && string.Compare(s.RegionCode, ScopeHigh) <= 0)
            || a.RegionCode == ScopeAncestor2 || a.ServiceAreas.Any(s => s.RegionCode == ScopeAncestor2)),
        // A contract is seen by its buyer and wherever its stations are.
        var t when t == typeof(ServiceContract) => (Expression<Func<ServiceContract, bool>>)(c =>
            c.Stations.Any(s => string.Compare(s.RegionCode, ScopeLow) >= 0 && string.Compare(s.RegionCode, ScopeHigh) <= 0)),
        // A referral's answer lies with the receiving station and is seen by the sending case's side too.
        var t when t == typeof(ReferralAnswer) => (Expression<Func<ReferralAnswer, bool>>)(a =>
            string.Compare(a.SenderRegionCode, ScopeLow) >= 0 && string.Compare(a.SenderRegionCode, ScopeHigh) <= 0),
        // An emergency is seen wherever an affected region overlaps the scope: inside it, or above it (an ancestor),
        // so the township under the province's epidemic sees it; its affected regions are seen the same way.
        var t when t == typeof(Emergency) => (Expression<Func<Emergency, bool>>)(e => e.Areas.Any(a =>
            (string.Compare(a.RegionCode, ScopeLow) >= 0 && string.Compare(a.RegionCode, ScopeHigh) <= 0)
            || a.RegionCode == ScopeAncestor0 || a.RegionCode == ScopeAncestor1 || a.RegionCode == ScopeAncestor2 || a.RegionCode == ScopeAncestor3)),
        var t when t == typeof(EmergencyArea) => (Expression<Func<EmergencyArea, bool>>)(a =>
            a.RegionCode == ScopeAncestor0 || a.RegionCode == ScopeAncestor1 || a.RegionCode == ScopeAncestor2 || a.RegionCode == ScopeAncestor3),
        _ => null,
    };

    /// <summary>An agency manager sees only their own agency, its staff and its contracts.</summary>
    private LambdaExpression? AgencyRestriction<T>() => typeof(T) switch
    {
        var t when t == typeof(Agency) => (Expression<Func<Agency, bool>>)(a => ScopeAgency == null || a.Id == ScopeAgency),
        var t when t == typeof(ServiceContract) => (Expression<Func<ServiceContract, bool>>)(c => ScopeAgency == null || c.AgencyId == ScopeAgency),
        var t when t == typeof(SocialWorker) => (Expression<Func<SocialWorker, bool>>)(w => ScopeAgency == null || w.AgencyId == ScopeAgency),
        _ => null,
    };

    private static Expression<Func<T, bool>> Combine<T>(LambdaExpression left, LambdaExpression right, Func<Expression, Expression, BinaryExpression> join)
    {
        var parameter = Expression.Parameter(typeof(T), "e");
        return Expression.Lambda<Func<T, bool>>(join(Rebind(left, parameter), Rebind(right, parameter)), parameter);
    }

    private static Expression Rebind(LambdaExpression lambda, ParameterExpression parameter) =>
        new ParameterSwap(lambda.Parameters[0], parameter).Visit(lambda.Body);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
