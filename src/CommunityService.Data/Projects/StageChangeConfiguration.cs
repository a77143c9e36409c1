using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Projects;

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> builder)
    {
        builder.Property(s => s.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ActorId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.Reason).HasMaxLength(StageChange.ReasonMaxLength);
    }
}
