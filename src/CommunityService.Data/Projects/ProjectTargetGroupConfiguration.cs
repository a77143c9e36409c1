using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Projects;

internal sealed class ProjectTargetGroupConfiguration : IEntityTypeConfiguration<ProjectTargetGroup>
{
    public void Configure(EntityTypeBuilder<ProjectTargetGroup> builder)
    {
        builder.HasKey(g => new { g.ProjectId, g.Group });
        builder.Property(g => g.Group).HasConversion<string>().HasMaxLength(20);
    }
}
