/**
 * A button whose action asks first: a Fluent dialog says what will be lost, 确定 runs it, 取消 (or Esc) does not.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface ConfirmButtonProps {
  children: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  disabled?: boolean;
  onConfirm: () => void;
}

export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel,
  disabled,
  onConfirm,
}: ConfirmButtonProps) {
  return (
    // no open/close animation: an alert that asks is read at once, and its old copy never lingers while closing
    <Dialog modalType="alert" surfaceMotion={null}>
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={disabled}>{children}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{message}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={onConfirm}>
                {confirmLabel}
              </Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button>取消</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
