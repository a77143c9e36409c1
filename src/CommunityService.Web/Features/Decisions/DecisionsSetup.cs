using Microsoft.AspNetCore.Authorization;

namespace CommunityService.Web.Features.Decisions;

public static class DecisionsSetup
{
    /// <summary>Proposals: who may give an opinion on one (a representative of its community).</summary>
    public static IServiceCollection AddDecisions(this IServiceCollection services) =>
        services.AddScoped<IAuthorizationHandler, ProposalOpinionHandler>();
}
