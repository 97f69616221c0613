using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Registry.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TeachingAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_teaching_assignments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    class_id = table.Column<long>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_teaching_assignments", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_teaching_assignments_class_id_staff_id_subject",
                table: "registry_teaching_assignments",
                columns: new[] { "class_id", "staff_id", "subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_teaching_assignments_org_unit_id_id",
                table: "registry_teaching_assignments",
                columns: new[] { "org_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_teaching_assignments_staff_id",
                table: "registry_teaching_assignments",
                column: "staff_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_teaching_assignments");
        }
    }
}
