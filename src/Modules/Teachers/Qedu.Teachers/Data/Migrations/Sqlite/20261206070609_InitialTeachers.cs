using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Teachers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialTeachers : Migration
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
                name: "teachers_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    secret_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    school_id = table.Column<int>(type: "INTEGER", nullable: true),
                    school_text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    teacher_text = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    acknowledge_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    investigate_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    conclude_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    acknowledged_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    investigated_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    concluded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    conclusion = table.Column<int>(type: "INTEGER", nullable: true),
                    public_conclusion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: true),
                    has_contact = table.Column<bool>(type: "INTEGER", nullable: false),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_reports", x => x.id);
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
                name: "teachers_report_contacts",
                columns: table => new
                {
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    encrypted = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_report_contacts", x => x.case_id);
                    table.ForeignKey(
                        name: "fk_teachers_report_contacts_teachers_reports_case_id",
                        column: x => x.case_id,
                        principalTable: "teachers_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "teachers_report_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    from_reporter = table.Column<bool>(type: "INTEGER", nullable: false),
                    handler = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    @public = table.Column<bool>(name: "public", type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_report_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_teachers_report_entries_teachers_reports_case_id",
                        column: x => x.case_id,
                        principalTable: "teachers_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "teachers_report_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    media_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_report_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_teachers_report_files_teachers_reports_case_id",
                        column: x => x.case_id,
                        principalTable: "teachers_reports",
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
                name: "ix_teachers_report_entries_case_id",
                table: "teachers_report_entries",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_teachers_report_files_case_id",
                table: "teachers_report_files",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_teachers_reports_number",
                table: "teachers_reports",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teachers_reports_org_unit_id_state",
                table: "teachers_reports",
                columns: new[] { "org_unit_id", "state" });

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
                name: "teachers_report_contacts");

            migrationBuilder.DropTable(
                name: "teachers_report_entries");

            migrationBuilder.DropTable(
                name: "teachers_report_files");

            migrationBuilder.DropTable(
                name: "teachers_studio_members");

            migrationBuilder.DropTable(
                name: "teachers_titles");

            migrationBuilder.DropTable(
                name: "teachers_certificates");

            migrationBuilder.DropTable(
                name: "teachers_reports");

            migrationBuilder.DropTable(
                name: "teachers_studios");
        }
    }
}
