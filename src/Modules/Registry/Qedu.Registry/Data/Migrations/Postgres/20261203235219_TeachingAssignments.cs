using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Registry.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TeachingAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "teaching_assignments",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    class_id = table.Column<long>(type: "bigint", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teaching_assignments", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_teaching_assignments_class_id_staff_id_subject",
                schema: "registry",
                table: "teaching_assignments",
                columns: new[] { "class_id", "staff_id", "subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teaching_assignments_org_unit_id_id",
                schema: "registry",
                table: "teaching_assignments",
                columns: new[] { "org_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_teaching_assignments_staff_id",
                schema: "registry",
                table: "teaching_assignments",
                column: "staff_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "teaching_assignments",
                schema: "registry");
        }
    }
}
