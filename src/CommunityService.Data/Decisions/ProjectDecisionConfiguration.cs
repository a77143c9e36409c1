using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Decisions;

internal sealed class ProjectDecisionConfiguration : IEntityTypeConfiguration<ProjectDecision>
{
    public void Configure(EntityTypeBuilder<ProjectDecision> builder)
    {
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Reason).HasMaxLength(ProjectDecision.ReasonMaxLength).IsRequired();
        builder.Property(d => d.DecidedById).HasMaxLength(450).IsRequired();
    }
}
