using CommunityService.Data.Identity;
using CommunityService.Data.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Participation;

internal sealed class SignUpConfiguration : IEntityTypeConfiguration<SignUp>
{
    public void Configure(EntityTypeBuilder<SignUp> builder)
    {
        builder.HasOne(s => s.Session).WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ServiceProject>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(s => s.ResidentId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.ResidentId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(s => s.Name).HasMaxLength(SignUp.NameMaxLength).IsRequired();
        builder.Property(s => s.Phone).HasMaxLength(SignUp.PhoneMaxLength);
        builder.Property(s => s.Note).HasMaxLength(SignUp.NoteMaxLength);
        builder.Property(s => s.CheckInNote).HasMaxLength(SignUp.CheckInNoteMaxLength).HasDefaultValue("");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.AddedById).HasMaxLength(450);
        builder.Property(s => s.ConfirmedById).HasMaxLength(450);
        builder.HasIndex(s => new { s.SessionId, s.Status, s.CreatedAt });
        builder.HasIndex(s => new { s.ResidentId, s.CreatedAt });
    }
}
