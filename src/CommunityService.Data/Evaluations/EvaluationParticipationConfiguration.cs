using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Evaluations;

internal sealed class EvaluationParticipationConfiguration : IEntityTypeConfiguration<EvaluationParticipation>
{
    public void Configure(EntityTypeBuilder<EvaluationParticipation> builder)
    {
        builder.Property(p => p.Group).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => new { p.ReportId, p.Group }).IsUnique();
    }
}
