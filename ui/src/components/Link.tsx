import { MouseEvent, ReactNode } from 'react';
import { navigate } from '../router';

/** An <a> that changes page without reloading (a modified click still opens a new tab). */
export function Link({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={onClick} className={className}>{children}</a>;
}
