using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Teachers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialTeachers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "teachers");

            migrationBuilder.CreateTable(
                name: "backbone_awards",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    awarded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_backbone_awards", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "establishment_quotas",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    quota = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_establishment_quotas", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "honours",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    awarded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    awarded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_honours", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    school_id = table.Column<int>(type: "integer", nullable: true),
                    school_text = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    teacher_text = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    acknowledge_by = table.Column<DateOnly>(type: "date", nullable: false),
                    investigate_by = table.Column<DateOnly>(type: "date", nullable: false),
                    conclude_by = table.Column<DateOnly>(type: "date", nullable: false),
                    acknowledged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    investigated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    concluded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    conclusion = table.Column<int>(type: "integer", nullable: true),
                    public_conclusion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    staff_id = table.Column<long>(type: "bigint", nullable: true),
                    has_contact = table.Column<bool>(type: "boolean", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "studios",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    host_staff_id = table.Column<long>(type: "bigint", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_studios", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "titles",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    title_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_titles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "certificate_registrations",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    certificate_id = table.Column<long>(type: "bigint", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificate_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_certificate_registrations_certificates_certificate_id",
                        column: x => x.certificate_id,
                        principalSchema: "teachers",
                        principalTable: "certificates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_contacts",
                schema: "teachers",
                columns: table => new
                {
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    encrypted = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_contacts", x => x.case_id);
                    table.ForeignKey(
                        name: "fk_report_contacts_reports_case_id",
                        column: x => x.case_id,
                        principalSchema: "teachers",
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_entries",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    from_reporter = table.Column<bool>(type: "boolean", nullable: false),
                    handler = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    @public = table.Column<bool>(name: "public", type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_entries_reports_case_id",
                        column: x => x.case_id,
                        principalSchema: "teachers",
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_files",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    media_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_files_reports_case_id",
                        column: x => x.case_id,
                        principalSchema: "teachers",
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "studio_members",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    studio_id = table.Column<long>(type: "bigint", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_studio_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_studio_members_studios_studio_id",
                        column: x => x.studio_id,
                        principalSchema: "teachers",
                        principalTable: "studios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_backbone_awards_org_unit_id_level",
                schema: "teachers",
                table: "backbone_awards",
                columns: new[] { "org_unit_id", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_backbone_awards_staff_id",
                schema: "teachers",
                table: "backbone_awards",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificate_registrations_certificate_id_registered_on",
                schema: "teachers",
                table: "certificate_registrations",
                columns: new[] { "certificate_id", "registered_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificate_registrations_staff_id",
                schema: "teachers",
                table: "certificate_registrations",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_number",
                schema: "teachers",
                table: "certificates",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_org_unit_id",
                schema: "teachers",
                table: "certificates",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_staff_id",
                schema: "teachers",
                table: "certificates",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_establishment_quotas_org_unit_id_year_subject",
                schema: "teachers",
                table: "establishment_quotas",
                columns: new[] { "org_unit_id", "year", "subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_honours_staff_id",
                schema: "teachers",
                table: "honours",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_entries_case_id",
                schema: "teachers",
                table: "report_entries",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_files_case_id",
                schema: "teachers",
                table: "report_files",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_reports_number",
                schema: "teachers",
                table: "reports",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_org_unit_id_state",
                schema: "teachers",
                table: "reports",
                columns: new[] { "org_unit_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_studio_members_staff_id",
                schema: "teachers",
                table: "studio_members",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_studio_members_studio_id_staff_id_from",
                schema: "teachers",
                table: "studio_members",
                columns: new[] { "studio_id", "staff_id", "from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_studios_host_staff_id",
                schema: "teachers",
                table: "studios",
                column: "host_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_titles_staff_id_from",
                schema: "teachers",
                table: "titles",
                columns: new[] { "staff_id", "from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "backbone_awards",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "certificate_registrations",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "establishment_quotas",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "honours",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "report_contacts",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "report_entries",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "report_files",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "studio_members",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "titles",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "certificates",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "reports",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "studios",
                schema: "teachers");
        }
    }
}
