//! The `-X memtimeline` picture: bytes in use (left axis, KiB or MiB) and
//! arenas (right axis) against wall time (ms, or s past ten seconds), each collection
//! a dot on the bytes line coloured by generation at the moment it ended
//! (generation 2 also a faint band over its pause), a legend with the collection counts, and a
//! summary line. Drawn with plotters' SVG backend into a string.

use plotters::prelude::*;

use super::memtimeline::Timeline;

const WIDTH: u32 = 1000;
const HEIGHT: u32 = 560;

const BYTES_COLOR: RGBColor = RGBColor(0x1f, 0x77, 0xb4);
const ARENAS_COLOR: RGBColor = RGBColor(0x8c, 0x56, 0x4b);
/// Collection markers, by generation.
const GEN_COLORS: [RGBColor; 3] = [
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0x94, 0x67, 0xbd),
    RGBColor(0xd6, 0x27, 0x28),
];
const GEN_RADIUS: [i32; 3] = [3, 4, 5];
/// The data's share of the plot's height (the legend sits above it).
const HEADROOM: f64 = 0.72;

/// The unit bytes are shown in, and its size.
fn byte_unit(max: u64) -> (&'static str, f64) {
    if max >= 4 << 20 {
        ("MiB", (1 << 20) as f64)
    } else {
        ("KiB", 1024.0)
    }
}

/// A byte count for the summary line.
fn human(bytes: u64) -> String {
    let (unit, div) = byte_unit(bytes);
    format!("{:.1} {unit}", bytes as f64 / div)
}

/// Thousands separators.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// An axis label: at most three decimals, no trailing zeros.
fn tick(v: f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// Render `t` as an SVG document.
pub fn render(t: &Timeline) -> String {
    let mut svg = String::new();
    // Drawing into a string fails only on a plotters bug; the picture is
    // then whatever was drawn, still well-formed once presented.
    let _ = draw(t, &mut svg);
    svg
}

type DrawResult = Result<(), Box<dyn std::error::Error>>;

fn draw(t: &Timeline, svg: &mut String) -> DrawResult {
    let root = SVGBackend::with_string(svg, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let (body, footer) = root.split_vertically(HEIGHT - 28);

    let max_bytes = t
        .points
        .iter()
        .map(|p| p.bytes)
        .chain(t.markers.iter().map(|m| m.bytes))
        .max()
        .unwrap_or(0)
        .max(1);
    let (unit, div) = byte_unit(max_bytes);
    // Headroom: the legend takes the top quarter of the plot, above the data.
    let y_max = (max_bytes as f64 / div / HEADROOM).max(1.0);
    let x_max = t
        .points
        .last()
        .map_or(0.0, |p| p.ms)
        .max(t.total_ms)
        .max(1.0);
    let max_arenas = t.points.iter().map(|p| p.arenas).max().unwrap_or(0);
    let arenas_max = (max_arenas.max(t.peak_arenas) as f64 / HEADROOM)
        .max(2.0)
        .ceil();
    // Long runs in seconds, short ones in milliseconds.
    let (x_unit, x_div) = if x_max >= 10_000.0 {
        ("s", 1000.0)
    } else {
        ("ms", 1.0)
    };

    let mut chart = ChartBuilder::on(&body)
        .caption(
            format!("pyrite memory timeline: {}", t.program),
            ("sans-serif", 22),
        )
        .margin(14)
        .x_label_area_size(46)
        .y_label_area_size(72)
        .right_y_label_area_size(62)
        .build_cartesian_2d(0f64..x_max, 0f64..y_max)?
        .set_secondary_coord(0f64..x_max, 0f64..arenas_max);

    chart
        .configure_mesh()
        .x_desc(format!("wall time ({x_unit})"))
        .y_desc(format!("bytes in use ({unit})"))
        .x_label_formatter(&|v| tick(v / x_div))
        .y_label_formatter(&|v| tick(*v))
        .light_line_style(RGBColor(0xee, 0xee, 0xee))
        .label_style(("sans-serif", 13))
        .axis_desc_style(("sans-serif", 15))
        .draw()?;
    chart
        .configure_secondary_axes()
        .y_desc("arenas (256 KiB each)")
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(("sans-serif", 13))
        .axis_desc_style(("sans-serif", 15))
        .draw()?;

    // Generation-2 collections: their pause as a faint band behind the
    // lines (at least a hair wide).
    let hair = x_max / WIDTH as f64;
    chart.draw_series(t.markers.iter().filter(|m| m.generation == 2).map(|m| {
        let color = GEN_COLORS[m.generation as usize];
        Rectangle::new(
            [(m.ms - m.pause_ms.max(hair), 0.0), (m.ms, y_max)],
            color.mix(0.15).filled(),
        )
    }))?;

    chart
        .draw_series(LineSeries::new(
            t.points.iter().map(|p| (p.ms, p.bytes as f64 / div)),
            BYTES_COLOR.stroke_width(2),
        ))?
        .label(format!("bytes in use (peak {})", human(t.peak_bytes)))
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], BYTES_COLOR.stroke_width(2)));

    // A wide, pale line: where it follows the bytes it shows as a halo.
    let arenas_style = ARENAS_COLOR.mix(0.55).stroke_width(5);
    // Arenas change in steps: hold each value until the next point.
    let mut steps = Vec::with_capacity(t.points.len() * 2);
    for (i, p) in t.points.iter().enumerate() {
        if i > 0 {
            steps.push((p.ms, t.points[i - 1].arenas as f64));
        }
        steps.push((p.ms, p.arenas as f64));
    }
    chart
        .draw_secondary_series(LineSeries::new(steps, arenas_style))?
        .label(format!(
            "arenas with live blocks, right axis (peak mapped {})",
            t.peak_arenas
        ))
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], ARENAS_COLOR.stroke_width(2)));

    // The bytes line again, unlabelled, so the arenas' steps do not hide it.
    chart.draw_series(LineSeries::new(
        t.points.iter().map(|p| (p.ms, p.bytes as f64 / div)),
        BYTES_COLOR.stroke_width(2),
    ))?;

    for g in 0..3 {
        let color = GEN_COLORS[g];
        let radius = GEN_RADIUS[g];
        chart
            .draw_series(
                t.markers
                    .iter()
                    .filter(|m| m.generation as usize == g)
                    .map(|m| Circle::new((m.ms, m.bytes as f64 / div), radius, color.filled())),
            )?
            .label(format!(
                "generation {g} collection ({}){}",
                grouped(t.collections[g]),
                if g == 2 { ", band: its pause" } else { "" }
            ))
            .legend(move |(x, y)| Circle::new((x + 11, y), radius, color.filled()));
    }

    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.88))
        .border_style(RGBColor(0xbb, 0xbb, 0xbb))
        .label_font(("sans-serif", 13))
        .draw()?;

    let total: u64 = t.collections.iter().sum();
    footer.draw(&Text::new(
        format!(
            "{} allocation events, {} collections, {:.1} ms; points: {}, markers shown: {}",
            grouped(t.events),
            grouped(total),
            t.total_ms,
            t.points.len(),
            t.markers.len()
        ),
        (90, 4),
        ("sans-serif", 13)
            .into_font()
            .color(&RGBColor(0x55, 0x55, 0x55)),
    ))?;
    root.present()?;
    Ok(())
}
