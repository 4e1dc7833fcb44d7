//! Commands as the window shows them: [`UiCommand`]'s shortcuts in egui's terms, and the
//! one button every menu, bar and context menu draws for a command, greyed out with the
//! reason as hover text when [`UiCommand::available`] says no.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use super::actions::Actions;
use crate::session::{Session, Shortcut, ShortcutKey, UiCommand};

/// The shortcut in egui's terms.
pub fn keyboard_shortcut(shortcut: Shortcut) -> KeyboardShortcut {
    let key = match shortcut.key {
        ShortcutKey::D => Key::D,
        ShortcutKey::E => Key::E,
        ShortcutKey::F => Key::F,
        ShortcutKey::I => Key::I,
        ShortcutKey::K => Key::K,
        ShortcutKey::M => Key::M,
        ShortcutKey::N => Key::N,
        ShortcutKey::O => Key::O,
        ShortcutKey::Q => Key::Q,
        ShortcutKey::S => Key::S,
        ShortcutKey::T => Key::T,
        ShortcutKey::W => Key::W,
        ShortcutKey::Z => Key::Z,
        ShortcutKey::Num1 => Key::Num1,
        ShortcutKey::Num2 => Key::Num2,
        ShortcutKey::Num3 => Key::Num3,
    };
    let modifiers = if shortcut.shift { Modifiers::COMMAND.plus(Modifiers::SHIFT) } else { Modifiers::COMMAND };
    KeyboardShortcut::new(modifiers, key)
}

/// The command's shortcut as this platform writes it ("Ctrl+S", "⌘S"), or "".
pub fn shortcut_text(ctx: &egui::Context, command: UiCommand) -> String {
    command.shortcut().map(|s| ctx.format_shortcut(&keyboard_shortcut(s))).unwrap_or_default()
}

/// A menu item for `command` under `label`, its shortcut at the right; pushes the command
/// when clicked. Returns whether it was.
pub fn menu_item(ui: &mut egui::Ui, session: &Session, command: UiCommand, label: &str, actions: &mut Actions) -> bool {
    let button = egui::Button::new(label).shortcut_text(shortcut_text(ui.ctx(), command));
    add(ui, session, command, button, command.tooltip().to_owned(), actions)
}

/// A button for `command` under `label`, its shortcut in the hover text.
pub fn button(ui: &mut egui::Ui, session: &Session, command: UiCommand, label: &str, actions: &mut Actions) -> bool {
    let shortcut = shortcut_text(ui.ctx(), command);
    let tooltip =
        if shortcut.is_empty() { command.tooltip().to_owned() } else { format!("{} ({shortcut})", command.tooltip()) };
    add(ui, session, command, egui::Button::new(label), tooltip, actions)
}

/// Adds `button`, greyed out with the reason as hover text when `command` cannot run.
fn add(
    ui: &mut egui::Ui,
    session: &Session,
    command: UiCommand,
    button: egui::Button<'_>,
    tooltip: String,
    actions: &mut Actions,
) -> bool {
    let available = command.available(session);
    let response = ui.add_enabled(available.is_ok(), button).on_hover_text(tooltip);
    let response = match available {
        Err(reason) => response.on_disabled_hover_text(reason.explain()),
        Ok(()) => response,
    };
    let clicked = response.clicked();
    if clicked {
        actions.command(command);
    }
    clicked
}
