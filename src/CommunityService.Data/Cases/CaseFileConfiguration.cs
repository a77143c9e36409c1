using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Cases;

internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> builder)
    {
        builder.HasOne(c => c.Project).WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Reference).HasMaxLength(CaseFile.SubjectMaxLength).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        foreach (var cipher in new[] { nameof(CaseFile.ProtectedSubject), nameof(CaseFile.ProtectedAssessment), nameof(CaseFile.ProtectedGoals),
            nameof(CaseFile.ProtectedPlan), nameof(CaseFile.ProtectedClosingSummary) })
        {
            builder.Property(cipher).HasMaxLength(CaseFile.CipherMaxLength);
        }
        builder.HasMany(c => c.Workers).WithOne().HasForeignKey(w => w.CaseFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.CaseFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
