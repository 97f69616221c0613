using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Teachers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "teachers_backbone_awards",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    awarded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_backbone_awards", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teachers_certificates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<int>(type: "INTEGER", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_certificates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teachers_establishment_quotas",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    quota = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_establishment_quotas", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teachers_honours",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    awarded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    awarded_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_honours", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teachers_studios",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    host_staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_studios", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teachers_titles",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    title_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_titles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teachers_certificate_registrations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    certificate_id = table.Column<long>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_certificate_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_teachers_certificate_registrations_teachers_certificates_certificate_id",
                        column: x => x.certificate_id,
                        principalTable: "teachers_certificates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "teachers_studio_members",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    studio_id = table.Column<long>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_studio_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_teachers_studio_members_teachers_studios_studio_id",
                        column: x => x.studio_id,
                        principalTable: "teachers_studios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_teachers_backbone_awards_org_unit_id_level",
                table: "teachers_backbone_awards",
                columns: new[] { "org_unit_id", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_teachers_backbone_awards_staff_id",
                table: "teachers_backbone_awards",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_teachers_certificate_registrations_certificate_id_registered_on",
                table: "teachers_certificate_registrations",
                columns: new[] { "certificate_id", "registered_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teachers_certificate_registrations_staff_id",
                table: "teachers_certificate_registrations",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_teachers_certificates_number",
                table: "teachers_certificates",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teachers_certificates_org_unit_id",
                table: "teachers_certificates",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_teachers_certificates_staff_id",
                table: "teachers_certificates",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_teachers_establishment_quotas_org_unit_id_year_subject",
                table: "teachers_establishment_quotas",
                columns: new[] { "org_unit_id", "year", "subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teachers_honours_staff_id",
                table: "teachers_honours",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_teachers_studio_members_staff_id",
                table: "teachers_studio_members",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_teachers_studio_members_studio_id_staff_id_from",
                table: "teachers_studio_members",
                columns: new[] { "studio_id", "staff_id", "from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teachers_studios_host_staff_id",
                table: "teachers_studios",
                column: "host_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_teachers_titles_staff_id_from",
                table: "teachers_titles",
                columns: new[] { "staff_id", "from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "teachers_backbone_awards");

            migrationBuilder.DropTable(
                name: "teachers_certificate_registrations");

            migrationBuilder.DropTable(
                name: "teachers_establishment_quotas");

            migrationBuilder.DropTable(
                name: "teachers_honours");

            migrationBuilder.DropTable(
                name: "teachers_studio_members");

            migrationBuilder.DropTable(
                name: "teachers_titles");

            migrationBuilder.DropTable(
                name: "teachers_certificates");

            migrationBuilder.DropTable(
                name: "teachers_studios");
        }
    }
}
